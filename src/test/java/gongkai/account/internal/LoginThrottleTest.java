package gongkai.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.mock.web.MockHttpServletRequest;

import gongkai.support.Origins;
import gongkai.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The three limits of {@link LoginThrottle} with production values (5 per username and address, 20 per address, slow
 * down after 10 from everywhere), on the platform's database.
 */
@PlatformTest
class LoginThrottleTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @Test
    void oneAddressTryingManyUsernamesIsRefusedForEveryUsername() {
        LoginThrottle throttle = production();
        String address = Origins.fresh();
        for (int i = 0; i < 20; i++) {
            String user = "sprayed-" + i + "-" + UUID.randomUUID();
            assertThatCode(() -> throttle.check(user, address)).doesNotThrowAnyException();
            throttle.failed(user, address);
        }
        assertThatThrownBy(() -> throttle.check("someone-else", address)).isInstanceOf(LockedException.class)
                .hasMessageContaining("登录失败次数过多");
        assertThatCode(() -> throttle.check("someone-else", Origins.fresh())).doesNotThrowAnyException();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM login_failure WHERE throttle_key = ?", Long.class,
                "a:" + address)).isEqualTo(20);
    }

    @Test
    void aGuessFromManyAddressesSlowsTheUsernameDownButNeverLocksIt() {
        LoginThrottle throttle = production();
        String user = "target-" + UUID.randomUUID();
        assertThat(throttle.delay(user)).isZero();
        // Three addresses, four guesses each: none is locked, the username now has 12 failures.
        for (int a = 0; a < 3; a++) {
            String address = Origins.fresh();
            for (int i = 0; i < 4; i++) {
                throttle.failed(user, address);
            }
        }
        assertThat(throttle.delay(user)).isEqualTo(Duration.ofSeconds(4));
        for (int i = 0; i < 20; i++) {
            throttle.failed(user, Origins.fresh());
        }
        assertThat(throttle.delay(user)).isEqualTo(Duration.ofSeconds(5));
        // The real user from a clean address is not refused; the sign-in waits, then succeeds.
        List<Duration> waited = new ArrayList<>();
        var provider = new ThrottlingAuthenticationProvider(passwords(user, "right"), throttle, waited::add);
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(user, "right");
        attempt.setDetails(detailsFrom(Origins.fresh()));
        assertThat(provider.authenticate(attempt).isAuthenticated()).isTrue();
        assertThat(waited).containsExactly(Duration.ofSeconds(5));
        // A wrong password waits just as long, and is still only a wrong password.
        var wrong = UsernamePasswordAuthenticationToken.unauthenticated(user, "wrong");
        wrong.setDetails(detailsFrom(Origins.fresh()));
        assertThatThrownBy(() -> provider.authenticate(wrong)).isInstanceOf(BadCredentialsException.class);
        assertThat(waited).hasSize(2);
    }

    @Test
    void aSuccessForgetsOnlyTheSlipsOfItsOwnAddress() {
        LoginThrottle throttle = production();
        String user = "slips-" + UUID.randomUUID();
        String home = Origins.fresh();
        String elsewhere = Origins.fresh();
        for (int i = 0; i < 5; i++) {
            throttle.failed(user, elsewhere);
        }
        for (int i = 0; i < 4; i++) {
            throttle.failed(user, home);
        }
        throttle.succeeded(user, home);
        for (int i = 0; i < 4; i++) {
            throttle.failed(user, home);
        }
        assertThatCode(() -> throttle.check(user, home)).doesNotThrowAnyException();
        assertThatThrownBy(() -> throttle.check(user, elsewhere)).isInstanceOf(LockedException.class);
    }

    private LoginThrottle production() {
        return new LoginThrottle(5, 20, 10, Duration.ofSeconds(5), Duration.ofMinutes(15), clock, jdbc);
    }

    private static DaoAuthenticationProvider passwords(String user, String password) {
        UserDetailsService users = name -> {
            if (!name.equals(user)) {
                throw new UsernameNotFoundException(name);
            }
            return User.withUsername(user).password(password).roles("EDITOR").build();
        };
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(NoOpPasswordEncoder.getInstance());
        return dao;
    }

    private static WebAuthenticationDetails detailsFrom(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        return new WebAuthenticationDetails(request);
    }
}
