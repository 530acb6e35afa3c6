package gongkai.publishing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import gongkai.shared.RequestOrigin;
import gongkai.shared.TooManyRequestsProblem;

/**
 * Access to targeted records by code: every attempt is logged (record, time, address, granted), and an address
 * that keeps guessing wrong codes is refused for a while.
 */
@Component
public class TargetedAccessGuard {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate log;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    TargetedAccessGuard(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
            @Value("${gongkai.publishing.access-code.max-failures:10}") int maxFailures,
            @Value("${gongkai.publishing.access-code.window:15m}") Duration window) {
        this.jdbc = jdbc;
        this.log = new TransactionTemplate(transactions);
        this.log.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** Checks a typed code against the record's; logs the attempt; refuses an address that guessed too often. */
    public boolean attempt(RecordEntity record, String typed) {
        String address = Objects.requireNonNullElse(RequestOrigin.remoteAddress(), "local");
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
        // Logged in a transaction of its own: a refused attempt ends the request's transaction with a rollback.
        log.executeWithoutResult(s -> jdbc.update(
                "INSERT INTO targeted_access (record_id, at, remote_addr, granted) VALUES (?, ?, ?, ?)",
                record.getId(), java.sql.Timestamp.from(now), address, granted));
        if (!granted) {
            synchronized (times) {
                times.addLast(now);
            }
        }
        return granted;
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
}
