package gongkai.account.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import gongkai.shared.Actor;

/** The signed-in user as Spring Security holds it; modules see only its {@link Actor}. */
public final class AccountPrincipal implements UserDetails, CredentialsContainer, Actor.ActorHolder {

    /** Authority of everyone who works in the back office. */
    public static final String STAFF = "STAFF";
    /** Authority of a confirmed resident, who has no place in the back office. */
    public static final String RESIDENT = "RESIDENT";

    private final Actor actor;
    private final String displayName;
    private final boolean enabled;
    private String passwordHash;

    AccountPrincipal(Actor actor, String displayName, String passwordHash, boolean enabled) {
        this.actor = actor;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    @Override
    public Actor actor() {
        return actor;
    }

    public String displayName() {
        return displayName;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new java.util.ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(actor.isResident() ? RESIDENT : STAFF));
        actor.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
