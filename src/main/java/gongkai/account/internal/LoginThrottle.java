package gongkai.account.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;

/**
 * Failed-login throttling: after too many failures in the window for one username, or from one address, further
 * attempts are refused until the window has passed, whether or not the password is right. The failures are kept in
 * the database, so every application node counts the same guesses.
 */
@Component
public class LoginThrottle {

    private final int maxPerUser;
    private final int maxPerAddress;
    private final Duration window;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    LoginThrottle(@Value("${gongkai.security.login.max-failures-per-user:5}") int maxPerUser,
            @Value("${gongkai.security.login.max-failures-per-address:20}") int maxPerAddress,
            @Value("${gongkai.security.login.window:15m}") Duration window, Clock clock, JdbcTemplate jdbc) {
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Refuses the attempt when either the username or the address has used up its failures. */
    public void check(String username, String address) {
        if (count(userKey(username)) >= maxPerUser || (address != null && count(addressKey(address)) >= maxPerAddress)) {
            throw new LockedException("登录失败次数过多，请" + window.toMinutes() + "分钟后再试。");
        }
    }

    public void failed(String username, String address) {
        add(userKey(username));
        if (address != null) {
            add(addressKey(address));
        }
    }

    public void succeeded(String username) {
        jdbc.update("DELETE FROM login_failure WHERE throttle_key = ?", userKey(username));
    }

    @Scheduled(fixedDelay = 60_000)
    void forgetOld() {
        jdbc.update("DELETE FROM login_failure WHERE failed_at < ?", cutoff());
    }

    private int count(String key) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM login_failure WHERE throttle_key = ? AND failed_at >= ?",
                Integer.class, key, cutoff());
        return n == null ? 0 : n;
    }

    private void add(String key) {
        jdbc.update("INSERT INTO login_failure (throttle_key, failed_at) VALUES (?, ?)", key,
                Timestamp.from(Instant.now(clock)));
    }

    private Timestamp cutoff() {
        return Timestamp.from(Instant.now(clock).minus(window));
    }

    private static String userKey(String username) {
        return "u:" + (username == null ? "" : username.strip().toLowerCase());
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
