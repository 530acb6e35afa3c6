package gongkai.shared;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Flood limits of the public side, as the information-request form has them: at most so many attempts from one client
 * address within a window, counted in the database so that they hold across restarts and on every node, refused with
 * a {@link TooManyRequestsProblem} (429) that says how long to wait. For an action that leaves no row of its own to
 * count (a donor's receipt lookup), {@link #pass} records each attempt in {@code flood_attempt} (V40). Windows are
 * wall-clock time, whatever the business date.
 */
@Component
public class FloodLimits {

    /** At most {@code max} attempts from one client within {@code window}. */
    public record Limit(int max, Duration window) {

        public Limit {
            if (max < 1 || window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("A flood limit needs max >= 1 and a positive window");
            }
        }

        /** The window as a refusal says it: 15分钟, 1小时. */
        public String windowText() {
            return FloodLimits.windowText(window);
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate separate;

    FloodLimits(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The client's address for counting; "local" outside a web request (a job, a test without one). */
    public static String client() {
        String address = Objects.requireNonNullElse(RequestOrigin.remoteAddress(), "local");
        return address.length() > 64 ? address.substring(0, 64) : address;
    }

    /** A window as refusals name it: whole hours as 小时, anything else in 分钟. */
    public static String windowText(Duration window) {
        return window.toHours() >= 1 && window.toMinutesPart() == 0 ? window.toHours() + "小时"
                : window.toMinutes() + "分钟";
    }

    /**
     * Lets one attempt of {@code action} from the current client through, or refuses it when the client has already
     * made {@code limit.max()} within the window. A refused attempt is not counted (waiting out the window is enough);
     * a passed one is, in a transaction of its own, so that a failing attempt (a wrong code) that rolls back the
     * caller's transaction still counts.
     *
     * @param refusal the Chinese message of the refusal, naming what was refused and when to try again
     * @throws TooManyRequestsProblem when the limit is reached; nothing else happens then
     */
    public void pass(String action, Limit limit, String refusal) {
        String client = client();
        Instant now = Instant.now();
        Long recent = jdbc.queryForObject("SELECT COUNT(*) FROM flood_attempt WHERE action_key = ? AND client_addr = ? "
                + "AND at > ?", Long.class, action, client, Timestamp.from(now.minus(limit.window())));
        if (recent != null && recent >= limit.max()) {
            throw new TooManyRequestsProblem(refusal);
        }
        separate.executeWithoutResult(s -> jdbc.update("INSERT INTO flood_attempt (action_key, client_addr, at, "
                + "expires_at) VALUES (?, ?, ?, ?)", action, client, Timestamp.from(now),
                Timestamp.from(now.plus(limit.window()))));
    }

    /** An attempt outside every window counts no more. */
    @SchedulerLock(name = "shared.flood-attempts-expiry", lockAtMostFor = "PT5M", lockAtLeastFor = "PT1M")
    @Scheduled(fixedDelay = 600_000)
    void forgetExpired() {
        jdbc.update("DELETE FROM flood_attempt WHERE expires_at < ?", Timestamp.from(Instant.now()));
    }
}
