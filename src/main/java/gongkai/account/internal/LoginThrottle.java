package gongkai.account.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;

/**
 * Failed-login throttling, built so that guessing is limited but nobody can lock the real user out from elsewhere:
 * <ul>
 * <li>one username from one address: after {@code maxPerUserAddress} failures in the window that pair is refused,
 * whether or not the password is right — the guesser is stopped, the user elsewhere is not;</li>
 * <li>one address, whatever the usernames: after {@code maxPerAddress} failures the address is refused (one
 * machine trying many accounts);</li>
 * <li>one username from all addresses together (a distributed guess): never refused, but once it has
 * {@code slowDownAfter} failures in the window every further attempt on it waits, longer with each failure up to
 * {@code maxDelay}, before its password is checked. A lock here would let anyone with a few addresses keep
 * {@code admin} out; the per-address limits already bound what each address may guess.</li>
 * </ul>
 * The failures are kept in the database, so every application node counts the same guesses.
 */
@Component
public class LoginThrottle {

    private static final Duration FIRST_DELAY = Duration.ofSeconds(1);

    private final int maxPerUserAddress;
    private final int maxPerAddress;
    private final int slowDownAfter;
    private final Duration maxDelay;
    private final Duration window;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    LoginThrottle(@Value("${gongkai.security.login.max-failures-per-user-and-address:5}") int maxPerUserAddress,
            @Value("${gongkai.security.login.max-failures-per-address:20}") int maxPerAddress,
            @Value("${gongkai.security.login.slow-down-after:10}") int slowDownAfter,
            @Value("${gongkai.security.login.max-delay:5s}") Duration maxDelay,
            @Value("${gongkai.security.login.window:15m}") Duration window, Clock clock, JdbcTemplate jdbc) {
        this.maxPerUserAddress = maxPerUserAddress;
        this.maxPerAddress = maxPerAddress;
        this.slowDownAfter = slowDownAfter;
        this.maxDelay = maxDelay;
        this.window = window;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /**
     * Refuses the attempt when this username has used up its failures from this address, or the address has used up
     * its own.
     */
    public void check(String username, String address) {
        if (count(pairKey(username, address)) >= maxPerUserAddress
                || (address != null && count(addressKey(address)) >= maxPerAddress)) {
            throw new LockedException("登录失败次数过多，请" + window.toMinutes() + "分钟后再试。");
        }
    }

    /**
     * How long an attempt on this username waits before its password is checked: zero until the username has
     * {@code slowDownAfter} failures in the window (from all addresses), then one second, doubling with every further
     * failure up to {@code maxDelay}.
     */
    public Duration delay(String username) {
        int over = count(userKey(username)) - slowDownAfter;
        if (over < 0) {
            return Duration.ZERO;
        }
        Duration delay = over >= 30 ? maxDelay : FIRST_DELAY.multipliedBy(1L << over);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    public void failed(String username, String address) {
        add(userKey(username));
        add(pairKey(username, address));
        if (address != null) {
            add(addressKey(address));
        }
    }

    /**
     * Forgets the user's own slips from the address that just signed in. The failures from other addresses stay:
     * they slow a distributed guess down and count against their addresses.
     */
    public void succeeded(String username, String address) {
        jdbc.update("DELETE FROM login_failure WHERE throttle_key = ?", pairKey(username, address));
    }

    @SchedulerLock(name = "account.login-failures-expiry", lockAtMostFor = "PT1M", lockAtLeastFor = "PT10S")
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

    private static String normalised(String username) {
        return username == null ? "" : username.strip().toLowerCase();
    }

    private static String userKey(String username) {
        return fitted("u:" + normalised(username));
    }

    /** The address comes first: it is short (at most 45 characters), so a long username cannot push it out. */
    private static String pairKey(String username, String address) {
        return fitted("p:" + (address == null ? "-" : address) + ":" + normalised(username));
    }

    private static String addressKey(String address) {
        return fitted("a:" + address);
    }

    /** The column holds 300 characters (V14); anyone may type a longer username into the form. */
    private static String fitted(String key) {
        return key.length() > 300 ? key.substring(0, 300) : key;
    }
}
