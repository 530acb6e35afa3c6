package gongkai.requests.internal;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import gongkai.shared.FloodLimits;
import gongkai.shared.TooManyRequestsProblem;

/**
 * Flood limits of the public side, counted in the database so that they hold across restarts and on every node:
 * requests accepted per address and per applicant, and wrong query codes per address (every look-up by code is
 * logged). Windows are wall-clock time, whatever the business date. The client's address and a window's wording come
 * from {@link FloodLimits}, which other modules' flood limits use too.
 */
@Component
public class IntakeGuard {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate separate;
    private final RequestsProperties properties;

    IntakeGuard(JdbcTemplate jdbc, PlatformTransactionManager transactions, RequestsProperties properties) {
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
    }

    /** Refuses a new public request when its address or its applicant has sent too many lately. */
    public void checkIntake(String address, String applicantKey) {
        RequestsProperties.Intake limits = properties.intake();
        Instant now = Instant.now();
        if (address != null && count("SELECT COUNT(*) FROM info_request WHERE submitted_from = ? AND created_at > ?",
                address, now.minus(limits.addressWindow())) >= limits.maxPerAddress()) {
            throw new TooManyRequestsProblem("从您的网络地址提交的申请过多，请"
                    + FloodLimits.windowText(limits.addressWindow()) + "后再试；也可以当面、邮寄或传真提交申请。");
        }
        if (count("SELECT COUNT(*) FROM info_request WHERE applicant_key = ? AND created_at > ? AND channel = 'ONLINE'",
                applicantKey, now.minus(limits.applicantWindow())) >= limits.maxPerApplicant()) {
            throw new TooManyRequestsProblem("同一申请人" + FloodLimits.windowText(limits.applicantWindow())
                    + "内在网上提交的申请已达" + limits.maxPerApplicant() + "件，请稍后再试；也可以当面、邮寄或传真提交申请。");
        }
    }

    /**
     * Checks a typed query code, logs the look-up and refuses an address that keeps guessing wrong.
     *
     * @return whether the code is right
     */
    public boolean attempt(String trackingNo, String typed, String storedHash) {
        String address = FloodLimits.client();
        RequestsProperties.QueryCode limits = properties.queryCode();
        Instant now = Instant.now();
        if (count("SELECT COUNT(*) FROM info_request_access WHERE remote_addr = ? AND granted = FALSE AND at > ?",
                address, now.minus(limits.window())) >= limits.maxFailures()) {
            throw new TooManyRequestsProblem("查询码输入错误次数过多，请" + FloodLimits.windowText(limits.window())
                    + "后再试。");
        }
        boolean granted = storedHash != null && QueryCodes.matches(typed, storedHash);
        // Its own transaction: a refused look-up ends the caller's transaction with a rollback.
        separate.executeWithoutResult(s -> jdbc.update(
                "INSERT INTO info_request_access (tracking_no, remote_addr, granted, at) VALUES (?, ?, ?, ?)",
                trackingNo.length() > 40 ? trackingNo.substring(0, 40) : trackingNo, address, granted,
                Timestamp.from(now)));
        return granted;
    }

    private long count(String sql, String key, Instant since) {
        Long n = jdbc.queryForObject(sql, Long.class, key, Timestamp.from(since));
        return n == null ? 0 : n;
    }
}
