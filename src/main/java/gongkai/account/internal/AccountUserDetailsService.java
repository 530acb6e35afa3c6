package gongkai.account.internal;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import gongkai.shared.Actor;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.Role;

/** Loads users for login and for API tokens, deciding once whether the user acts city-wide. */
@Component
public class AccountUserDetailsService implements UserDetailsService {

    private final UserRepository users;
    private final GongkaiProperties properties;

    AccountUserDetailsService(UserRepository users, GongkaiProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    @Transactional(readOnly = true)
    public AccountPrincipal loadUserByUsername(String username) {
        UserEntity user = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return toPrincipal(user);
    }

    AccountPrincipal toPrincipal(UserEntity user) {
        boolean cityWide = user.getRoles().contains(Role.ADMIN) && properties.cityOffice().equals(user.getOrgCode());
        Actor actor = new Actor(user.getUsername(), user.getOrgCode(), user.getRoles(), cityWide);
        return new AccountPrincipal(actor, user.toAccount().displayName(), user.getPasswordHash(), user.isEnabled());
    }
}
