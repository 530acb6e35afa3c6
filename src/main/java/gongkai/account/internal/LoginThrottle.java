package gongkai.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;

/**
 * Failed-login throttling: after too many failures in the window for one username, or from one address, further
 * attempts are refused until the window has passed, whether or not the password is right. Counts are kept in memory
 * per node; behind a load balancer each node throttles on its own, which still bounds guessing.
 */
@Component
public class LoginThrottle {

    private final int maxPerUser;
    private final int maxPerAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(@Value("${gongkai.security.login.max-failures-per-user:5}") int maxPerUser,
            @Value("${gongkai.security.login.max-failures-per-address:20}") int maxPerAddress,
            @Value("${gongkai.security.login.window:15m}") Duration window, Clock clock) {
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
        this.clock = clock;
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
        failures.remove(userKey(username));
    }

    @Scheduled(fixedDelay = 60_000)
    void forgetOld() {
        Instant cutoff = Instant.now(clock).minus(window);
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                e.getValue().removeIf(t -> t.isBefore(cutoff));
                return e.getValue().isEmpty();
            }
        });
    }

    private int count(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        Instant cutoff = Instant.now(clock).minus(window);
        synchronized (times) {
            times.removeIf(t -> t.isBefore(cutoff));
            return times.size();
        }
    }

    private void add(String key) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(Instant.now(clock));
            while (times.size() > Math.max(maxPerUser, maxPerAddress)) {
                times.removeFirst();
            }
        }
    }

    private static String userKey(String username) {
        return "u:" + (username == null ? "" : username.strip().toLowerCase());
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
