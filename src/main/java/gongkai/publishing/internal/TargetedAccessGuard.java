package gongkai.publishing.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
        String address = address();
        Instant now = refuseWhenGuessing(address);
        boolean granted = record.getAccessCode() != null
                && record.getAccessCode().equals(AccessCodes.normalise(typed));
        logAttempt(record.getId(), now, address, granted);
        return granted;
    }

    /**
     * A code typed alone (the 查阅码 box): the published targeted record it opens, if any. Unknown and wrong codes are
     * one failure, counted with the per-record guesses against the same limit, so the box is no faster a guesser.
     */
    public Optional<Long> attemptAlone(String typed) {
        String address = address();
        Instant now = refuseWhenGuessing(address);
        String code = AccessCodes.normalise(typed);
        List<Long> ids = AccessCodes.wellFormed(code) ? jdbc.queryForList(
                "SELECT id FROM disclosure_record WHERE access_code = ? AND audience = 'TARGETED'"
                        + " AND published_version > 0", Long.class, code) : List.of();
        // Codes are random; should two records ever share one, the code alone opens neither (their pages still do).
        Long id = ids.size() == 1 ? ids.get(0) : null;
        logAttempt(id, now, address, id != null);
        return Optional.ofNullable(id);
    }

    private static String address() {
        return Objects.requireNonNullElse(RequestOrigin.remoteAddress(), "local");
    }

    private Instant refuseWhenGuessing(String address) {
        Instant now = Instant.now(clock);
        Long failures = jdbc.queryForObject(
                "SELECT COUNT(*) FROM targeted_access WHERE remote_addr = ? AND granted = FALSE AND at > ?",
                Long.class, address, Timestamp.from(now.minus(window)));
        if (failures != null && failures >= maxFailures) {
            throw new TooManyRequestsProblem("查阅码输入错误次数过多，请" + window.toMinutes() + "分钟后再试。");
        }
        return now;
    }

    /** Logged in a transaction of its own: a refused attempt ends the request's transaction with a rollback. */
    private void logAttempt(Long recordId, Instant now, String address, boolean granted) {
        log.executeWithoutResult(s -> jdbc.update(
                "INSERT INTO targeted_access (record_id, at, remote_addr, granted) VALUES (?, ?, ?, ?)",
                recordId, Timestamp.from(now), address, granted));
    }
}
