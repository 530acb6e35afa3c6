package gongkai.publishing.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import gongkai.shared.RequestOrigin;
import gongkai.shared.TooManyRequestsProblem;

/**
 * Access to targeted records by code: every attempt is logged (record, time, address, granted), and an address
 * that keeps guessing wrong codes is refused for a while. The wrong guesses are counted from that log, in the
 * database, so every node counts the same guesses and a restart forgets none (as the query codes of requests are).
 */
@Component
public class TargetedAccessGuard {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate log;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;

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
        Instant now = Instant.now(clock);
        Long failures = jdbc.queryForObject(
                "SELECT COUNT(*) FROM targeted_access WHERE remote_addr = ? AND granted = FALSE AND at > ?",
                Long.class, address, Timestamp.from(now.minus(window)));
        if (failures != null && failures >= maxFailures) {
            throw new TooManyRequestsProblem("查看码输入错误次数过多，请" + window.toMinutes() + "分钟后再试。");
        }
        boolean granted = record.getAccessCode() != null
                && record.getAccessCode().equals(AccessCodes.normalise(typed));
        // Logged in a transaction of its own: a refused attempt ends the request's transaction with a rollback.
        log.executeWithoutResult(s -> jdbc.update(
                "INSERT INTO targeted_access (record_id, at, remote_addr, granted) VALUES (?, ?, ?, ?)",
                record.getId(), Timestamp.from(now), address, granted));
        return granted;
    }
}
