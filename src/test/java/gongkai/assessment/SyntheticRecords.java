package gongkai.assessment;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;

import gongkai.shared.PlatformConfiguration;

/**
 * Published records written straight into the records table, with the first publication day a test chooses: what
 * the supervision reads (item, body, period, first publication, status), without going through 三审 hundreds of times.
 * Marked by their creator so that {@link #clear} removes exactly them.
 */
final class SyntheticRecords {

    static final String CREATOR = "synthetic-supervision-test";
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final JdbcTemplate jdbc;

    SyntheticRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A record of the item by the body for the period (null for an event item), first published that day. */
    String published(String item, String org, String period, LocalDate on) {
        String indexNo = "SYN-" + org + "/" + SERIAL.incrementAndGet();
        Instant at = on.atTime(LocalTime.of(15, 0)).atZone(PlatformConfiguration.CHINA).toInstant();
        jdbc.update("INSERT INTO disclosure_record (index_no, catalog_item, org_code, region_code, status, audience, "
                + "disclosure_mode, published_version, title, written_on, subject_class, created_by, "
                + "first_published_at, last_published_at, reporting_period, created_at, updated_at) "
                + "VALUES (?, ?, ?, '360900', 'PUBLISHED', 'PUBLIC', 'PROACTIVE', 1, ?, ?, '其他', ?, ?, ?, ?, ?, ?)",
                indexNo, item, org, "合成记录 " + item + " " + period, on, CREATOR, Timestamp.from(at),
                Timestamp.from(at), period, Timestamp.from(at), Timestamp.from(at));
        return indexNo;
    }

    void clear() {
        jdbc.update("DELETE FROM disclosure_record WHERE created_by = ?", CREATOR);
    }
}
