package gongkai.shared;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in person on whose behalf a change is made: username, organisation and roles.
 * Modules check scope with {@link #canActFor(String)} rather than reading roles themselves.
 *
 * @param cityWide       true for an ADMIN of the city government office, who may act for every organisation
 * @param residentRegion for a confirmed resident (no organisation, no roles), the region they are registered for
 */
public record Actor(String username, String orgCode, Set<Role> roles, boolean cityWide, String residentRegion)
        implements java.io.Serializable {

    public Actor {
        roles = Role.inOrder(roles);
    }

    /** A member of an organisation's staff. */
    public Actor(String username, String orgCode, Set<Role> roles, boolean cityWide) {
        this(username, orgCode, roles, cityWide, null);
    }

    /** A confirmed resident of a region. */
    public static Actor resident(String username, String regionCode) {
        return new Actor(username, null, Set.of(), false, regionCode);
    }

    public boolean isResident() {
        return residentRegion != null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** A user acts only for their own organisation; the city office's ADMIN acts for all. */
    public boolean canActFor(String organisationCode) {
        return cityWide || (orgCode != null && orgCode.equals(organisationCode));
    }

    /** Whether this actor may act for the organisation in the given role. */
    public boolean canActFor(String organisationCode, Role role) {
        return has(role) && canActFor(organisationCode);
    }

    /** The actor of the current request or job, if someone is signed in. */
    public static Optional<Actor> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return Optional.empty();
        }
        return auth.getPrincipal() instanceof ActorHolder holder ? Optional.of(holder.actor()) : Optional.empty();
    }

    /** The current actor, or {@link AccessDeniedProblem} when nobody is signed in. */
    public static Actor require() {
        return current().orElseThrow(() -> new AccessDeniedProblem("请先登录。"));
    }

    /**
     * Runs work of the platform's own (demo data, scheduled jobs) as the given actor, with the same checks as a
     * signed-in person; the thread's previous security context is restored after.
     */
    public static <T> T callAs(Actor actor, java.util.function.Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        ActorHolder holder = () -> actor;
        context.setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(holder,
                        null, java.util.List.of()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Implemented by the security principal so that modules can see the actor without depending on accounts. */
    public interface ActorHolder {
        Actor actor();
    }
}
