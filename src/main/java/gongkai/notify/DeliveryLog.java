package gongkai.notify;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.shared.PlatformConfiguration;

/**
 * The delivery log staff read: per organisation and channel, how many messages were reached (sent, or folded into a
 * digest that was sent), are waiting, failed or were dropped, over a period; and the newest deliveries, addresses
 * masked. A digest is counted under the organisation of none (it gathers many).
 */
@Service
@Transactional(readOnly = true)
public class DeliveryLog {

    private final JdbcTemplate jdbc;

    DeliveryLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts of one channel for one organisation. */
    public record Line(String org, ChannelKind channel, long reached, long waiting, long failed, long dropped) {

        public long total() {
            return reached + waiting + failed + dropped;
        }
    }

    /** One delivery as staff see it. */
    public record Entry(long id, String kind, String subject, ChannelKind channel, String masked, String status,
            int attempts, String lastError, java.time.Instant createdAt, java.time.Instant doneAt) {
    }

    /** Lines per organisation and channel for deliveries queued from {@code from} to {@code to} (Beijing days). */
    public List<Line> lines(String org, LocalDate from, LocalDate to) {
        List<Object> args = new ArrayList<>(List.of(start(from), start(to.plusDays(1))));
        String where = "created_at >= ? AND created_at < ?";
        if (org != null) {
            where += " AND org_code = ?";
            args.add(org);
        }
        List<Line> lines = new ArrayList<>();
        for (Map<String, Object> r : jdbc.queryForList("SELECT org_code, channel, "
                + "SUM(CASE WHEN status IN ('SENT', 'DIGESTED') THEN 1 ELSE 0 END) AS reached, "
                + "SUM(CASE WHEN status IN ('QUEUED', 'SENDING', 'HELD') THEN 1 ELSE 0 END) AS waiting, "
                + "SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END) AS failed, "
                + "SUM(CASE WHEN status = 'DROPPED' THEN 1 ELSE 0 END) AS dropped "
                + "FROM notify_delivery WHERE " + where + " GROUP BY org_code, channel ORDER BY org_code, channel",
                args.toArray())) {
            lines.add(new Line((String) r.get("org_code"), ChannelKind.valueOf((String) r.get("channel")),
                    n(r.get("reached")), n(r.get("waiting")), n(r.get("failed")), n(r.get("dropped"))));
        }
        return lines;
    }

    /**
     * Subscriptions that messages of an organisation (all when null) matched and that wait in a fan-out's batches,
     * not yet delivery rows: their channel is known only once a sender takes them.
     */
    public long unassigned(String org) {
        String where = org == null ? "" : " AND m.org_code = ?";
        Object[] args = org == null ? new Object[0] : new Object[] {org};
        return jdbc.queryForObject("SELECT COALESCE(SUM(b.size), 0) FROM notify_batch b JOIN notify_message m ON "
                + "m.id = b.message_id WHERE b.status = 'QUEUED'" + where, Long.class, args);
    }

    /** The newest deliveries of an organisation (all when null). */
    public List<Entry> latest(String org, int limit) {
        String where = org == null ? "" : " WHERE d.org_code = ?";
        Object[] args = org == null ? new Object[] {limit} : new Object[] {org, limit};
        return jdbc.query("SELECT d.id, m.kind, m.subject, d.channel, d.masked, d.status, d.attempts, d.last_error, "
                + "d.created_at, d.done_at FROM notify_delivery d JOIN notify_message m ON m.id = d.message_id" + where
                + " ORDER BY d.id DESC LIMIT ?", (rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3),
                        ChannelKind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getInt(7),
                        rs.getString(8), rs.getTimestamp(9).toInstant(),
                        rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant()), args);
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(PlatformConfiguration.CHINA).toInstant());
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
