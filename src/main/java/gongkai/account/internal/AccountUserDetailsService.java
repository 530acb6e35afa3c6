package gongkai.account.internal;

import java.util.Optional;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import gongkai.account.Resident;
import gongkai.shared.Actor;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.Role;

/** Loads users for login and for API tokens, deciding once whether the user acts city-wide. */
@Component
public class AccountUserDetailsService implements UserDetailsService {

    private final UserRepository users;
    private final ResidentRepository residents;
    private final GongkaiProperties properties;

    AccountUserDetailsService(UserRepository users, ResidentRepository residents, GongkaiProperties properties) {
        this.users = users;
        this.residents = residents;
        this.properties = properties;
    }

    /** Staff first; otherwise a resident, who can sign in once the region's office has confirmed them. */
    @Override
    @Transactional(readOnly = true)
    public AccountPrincipal loadUserByUsername(String username) {
        Optional<UserEntity> user = users.findByUsername(username);
        if (user.isPresent()) {
            return toPrincipal(user.get());
        }
        ResidentEntity resident = residents.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return new AccountPrincipal(Actor.resident(resident.getUsername(), resident.getRegionCode()),
                resident.toResident().displayName(), resident.getPasswordHash(),
                resident.getStatus() == Resident.Status.CONFIRMED);
    }

    AccountPrincipal toPrincipal(UserEntity user) {
        boolean cityWide = user.getRoles().contains(Role.ADMIN) && properties.cityOffice().equals(user.getOrgCode());
        // A social supervisor's account sits in the city office only because every account needs an organisation;
        // they are not its staff, so they act for no organisation at all (no inbox, no records, no personal data).
        String org = user.getRoles().contains(Role.SUPERVISOR) ? null : user.getOrgCode();
        Actor actor = new Actor(user.getUsername(), org, user.getRoles(), cityWide);
        return new AccountPrincipal(actor, user.toAccount().displayName(), user.getPasswordHash(), user.isEnabled());
    }
}
