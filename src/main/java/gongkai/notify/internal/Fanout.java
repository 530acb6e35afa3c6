package gongkai.notify.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import gongkai.account.Resident;
import gongkai.account.Residents;
import gongkai.notify.ChannelKind;
import gongkai.privacy.Masking;

/**
 * Turns a message into deliveries. Subscribers are matched in ranges of subscription ids, one transaction per range,
 * the message remembering how far it got: a node that dies mid-way leaves the rest to whichever node claims the
 * message next, and nothing is queued twice. What a range matched is written as batches of subscription ids for the
 * senders; an address hears once per message however many of its subscriptions match (the unique key on message and
 * recipient of the delivery rows stands behind that).
 */
@Component
class Fanout {

    private static final Logger log = LoggerFactory.getLogger(Fanout.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DeliveryProperties properties;
    private final Residents residents;

    Fanout(JdbcTemplate jdbc, Clock clock, DeliveryProperties properties, Residents residents) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.residents = residents;
    }

    /** Claims the oldest message of the lane still to fan out, unless another node is at it. */
    @Transactional
    public Optional<Long> claimNext(int lane, String owner) {
        Instant now = clock.instant();
        Timestamp stale = Timestamp.from(now.minus(properties.claimTimeout()));
        List<Long> candidates = jdbc.queryForList("SELECT id FROM notify_message WHERE fanout_status IN ('PENDING', "
                + "'RUNNING') AND lane = ? AND (fanout_owner IS NULL OR fanout_owner = ? OR fanout_claimed_at < ?) "
                + "ORDER BY id LIMIT 5", Long.class, lane, owner, stale);
        for (long id : candidates) {
            int won = jdbc.update("UPDATE notify_message SET fanout_status = 'RUNNING', fanout_owner = ?, "
                    + "fanout_claimed_at = ? WHERE id = ? AND fanout_status IN ('PENDING', 'RUNNING') AND "
                    + "(fanout_owner IS NULL OR fanout_owner = ? OR fanout_claimed_at < ?)", owner,
                    Timestamp.from(now), id, owner, stale);
            if (won == 1) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /**
     * Fans out the next range of the message; true when the message is done. Gives up quietly (false, nothing
     * changed) if another node took the message over.
     */
    @Transactional
    public boolean step(long messageId, String owner) {
        Map<String, Object> m = jdbc.queryForMap("SELECT * FROM notify_message WHERE id = ?", messageId);
        if (!owner.equals(m.get("fanout_owner")) || "DONE".equals(m.get("fanout_status"))) {
            return true;
        }
        Instant now = clock.instant();
        long cursor = ((Number) m.get("fanout_cursor")).longValue();
        boolean done;
        long next;
        if (MessageDraft.Audience.RESIDENTS.name().equals(m.get("audience"))) {
            queueResidents(m, messageId, now);
            next = cursor;
            done = true;
        } else {
            long max = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM notify_subscription", Long.class);
            next = Math.min(max, cursor + properties.fanoutChunk());
            if (next > cursor) {
                queueSubscribers(m, messageId, cursor, next, now);
            }
            done = next >= max;
        }
        jdbc.update("UPDATE notify_message SET fanout_cursor = ?, fanout_status = ?, fanout_claimed_at = ? WHERE id = ?",
                next, done ? "DONE" : "RUNNING", Timestamp.from(now), messageId);
        return done;
    }

    /**
     * One range: the matching subscriptions are read in one statement along the primary key (each kind of filter's
     * rows of the range read once, the regions as one string to search rather than an IN list that H2 would look up
     * value by value) and written as batches for the senders, a few hundred ids to a row. Nothing is written per
     * subscriber here: a sender turns a batch into delivery rows when it takes it ({@link DeliverySender#claim}).
     * An address with several matching subscriptions in the range is kept once, through the lowest-numbered; one
     * whose subscriptions fall in different ranges is kept once by the delivery table's unique key on message and
     * recipient, through whichever batch a sender takes first.
     */
    private void queueSubscribers(Map<String, Object> m, long messageId, long from, long to, Instant now) {
        int lane = ((Number) m.get("lane")).intValue();
        List<Object> args = new ArrayList<>(List.of(from, to));
        String match = match(m, from, to, args);
        Batches batches = new Batches(messageId, lane, properties.batch(), Timestamp.from(now));
        Set<Long> addresses = new HashSet<>();
        jdbc.query("SELECT s.id, s.address_id FROM notify_subscription s JOIN notify_address a ON a.id = s.address_id "
                + "WHERE s.id > ? AND s.id <= ? AND s.status = 'ACTIVE' AND a.disabled_at IS NULL" + match
                + " ORDER BY s.id", (RowCallbackHandler) rs -> {
                    if (addresses.add(rs.getLong(2))) {
                        batches.add(rs.getLong(1));
                    }
                }, args.toArray());
        jdbc.batchUpdate("INSERT INTO notify_batch (message_id, lane, status, subscriptions, size, created_at) "
                + "VALUES (?, ?, 'QUEUED', ?, ?, ?)", batches.rows());
        log.debug("Message {}: subscriptions {}..{} matched {}", messageId, from + 1, to, addresses.size());
    }

    /** Subscription ids in ascending order, cut into rows of {@code notify_batch}. */
    private static final class Batches {
        private final Object[] prefix;
        private final int max;
        private final Timestamp created;
        private final List<Object[]> rows = new ArrayList<>();
        private final StringBuilder ids = new StringBuilder();
        private int size;

        Batches(long messageId, int lane, int max, Timestamp created) {
            this.prefix = new Object[] {messageId, lane};
            this.max = max;
            this.created = created;
        }

        void add(long subscriptionId) {
            if (size > 0) {
                ids.append(',');
            }
            ids.append(subscriptionId);
            if (++size == max) {
                cut();
            }
        }

        List<Object[]> rows() {
            if (size > 0) {
                cut();
            }
            return rows;
        }

        private void cut() {
            rows.add(new Object[] {prefix[0], prefix[1], ids.toString(), size, created});
            ids.setLength(0);
            size = 0;
        }
    }

    /**
     * The SQL that a subscription {@code s} of the range matches the message; each filter kind narrows. Each kind's
     * filter rows of the range are read once per statement (an uncorrelated IN), not once per subscription.
     */
    private static String match(Map<String, Object> m, long from, long to, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        String[][] kinds = {{"domain", "any_domain"}, {"item", "any_item"}, {"org", "any_org"}};
        Object[] values = {m.get("domain"), m.get("catalog_item"), m.get("org_code")};
        for (int i = 0; i < kinds.length; i++) {
            if (values[i] != null) {
                sql.append(" AND (s.").append(kinds[i][1]).append(" OR s.id IN (SELECT f.subscription_id FROM "
                        + "notify_subscription_filter f WHERE f.subscription_id > ? AND f.subscription_id <= ? AND "
                        + "f.kind = '").append(kinds[i][0]).append("' AND f.val = ?))");
                args.add(from);
                args.add(to);
                args.add(values[i]);
            }
        }
        String regions = (String) m.get("region_codes");
        if (regions != null && !regions.isBlank()) {
            // ",360900,360902,…," contains ",360902,": region codes have no commas.
            sql.append(" AND (s.any_region OR s.id IN (SELECT f.subscription_id FROM notify_subscription_filter f "
                    + "WHERE f.subscription_id > ? AND f.subscription_id <= ? AND f.kind = 'region' AND "
                    + "POSITION(CONCAT(',', f.val, ',') IN ?) > 0))");
            args.add(from);
            args.add(to);
            args.add("," + regions + ",");
        }
        return sql.toString();
    }

    /** A targeted record by SMS to the confirmed residents of its regions (those who may read it). */
    private void queueResidents(Map<String, Object> m, long messageId, Instant now) {
        String regions = (String) m.get("region_codes");
        if (regions == null || regions.isBlank()) {
            return;
        }
        int lane = ((Number) m.get("lane")).intValue();
        for (Resident r : residents.confirmedIn(Arrays.asList(regions.split(",")))) {
            String key = "r" + r.id();
            if (!jdbc.queryForList("SELECT 1 FROM notify_delivery WHERE message_id = ? AND recipient_key = ?",
                    Integer.class, messageId, key).isEmpty()) {
                continue;
            }
            jdbc.update("INSERT INTO notify_delivery (message_id, recipient_key, channel, address, masked, lane, "
                    + "status, attempts, next_attempt_at, org_code, created_at) VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', 0, "
                    + "?, ?, ?)", messageId, key, ChannelKind.SMS.name(), r.phone(), Masking.mobile(r.phone()), lane,
                    Timestamp.from(now), m.get("org_code"), Timestamp.from(now));
        }
    }
}
