package gongkai.support;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import gongkai.account.Accounts;
import gongkai.account.NewUser;
import gongkai.shared.Actor;
import gongkai.shared.Role;

/** Runs code as a given actor, and makes users for tests through the real account service. */
public final class Acting {

    public static final String CITY_OFFICE = "ycszfb";
    public static final String PASSWORD = "Test-User-Passw0rd";

    private Acting() {
    }

    public static Actor cityAdmin() {
        return new Actor("admin", CITY_OFFICE, Role.staff(), true);
    }

    public static Actor actor(String org, Role... roles) {
        Set<Role> set = EnumSet.noneOf(Role.class);
        set.addAll(java.util.List.of(roles));
        boolean cityWide = set.contains(Role.ADMIN) && CITY_OFFICE.equals(org);
        return new Actor("t-" + UUID.randomUUID().toString().substring(0, 8), org, set, cityWide);
    }

    public static <T> T as(Actor actor, Supplier<T> action) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        Actor.ActorHolder holder = () -> actor;
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(holder, null, java.util.List.of()));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void as(Actor actor, Runnable action) {
        as(actor, () -> {
            action.run();
            return null;
        });
    }

    /** Creates a user with {@link #PASSWORD} through the account service, as the city admin; returns the username. */
    public static String newUser(Accounts accounts, String org, Role... roles) {
        String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        as(cityAdmin(), () -> accounts.create(new NewUser(username, PASSWORD, "测试用户", org,
                EnumSet.copyOf(java.util.List.of(roles)))));
        return username;
    }
}
