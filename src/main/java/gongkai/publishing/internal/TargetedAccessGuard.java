package gongkai.publishing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import gongkai.shared.TooManyRequestsProblem;

/**
 * Access to targeted records by code: every attempt is logged (record, time, address, granted), and an address
 * that keeps guessing wrong codes is refused for a while.
 */
@Component
public class TargetedAccessGuard {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    TargetedAccessGuard(JdbcTemplate jdbc, Clock clock,
            @Value("${gongkai.publishing.access-code.max-failures:10}") int maxFailures,
            @Value("${gongkai.publishing.access-code.window:15m}") Duration window) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** Checks a typed code against the record's; logs the attempt; refuses an address that guessed too often. */
    public boolean attempt(RecordEntity record, String typed) {
        String address = remoteAddress();
        Deque<Instant> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        Instant now = Instant.now(clock);
        synchronized (times) {
            times.removeIf(t -> t.isBefore(now.minus(window)));
            if (times.size() >= maxFailures) {
                throw new TooManyRequestsProblem("查看码输入错误次数过多，请" + window.toMinutes() + "分钟后再试。");
            }
        }
        boolean granted = record.getAccessCode() != null
                && record.getAccessCode().equals(AccessCodes.normalise(typed));
        jdbc.update("INSERT INTO targeted_access (record_id, at, remote_addr, granted) VALUES (?, ?, ?, ?)",
                record.getId(), java.sql.Timestamp.from(now), address, granted);
        if (!granted) {
            synchronized (times) {
                times.addLast(now);
            }
        }
        return granted;
    }

    /** Attempts so far for a record: for the organisation's staff and the tests. */
    public long attempts(RecordEntity record, boolean granted) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM targeted_access WHERE record_id = ? AND granted = ?",
                Long.class, record.getId(), granted);
        return n == null ? 0 : n;
    }

    @Scheduled(fixedDelay = 300_000)
    void forgetOld() {
        Instant cutoff = Instant.now(clock).minus(window);
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                e.getValue().removeIf(t -> t.isBefore(cutoff));
                return e.getValue().isEmpty();
            }
        });
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            return attrs.getRequest().getRemoteAddr();
        }
        return "local";
    }
}
