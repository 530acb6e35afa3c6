package gongkai.notify.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import gongkai.account.Resident;
import gongkai.account.Residents;
import gongkai.notify.ChannelKind;
import gongkai.privacy.Masking;

/**
 * Turns a message into deliveries. Subscribers are matched in ranges of subscription ids, one transaction per range,
 * the message remembering how far it got: a node that dies mid-way leaves the rest to whichever node claims the
 * message next, and nothing is queued twice (an address hears once per message however many of its subscriptions
 * match, through the lowest-numbered one; the unique key on message and recipient stands behind that).
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
     * One range as one INSERT … SELECT. Costs per subscription, which is what decides a fan-out to a million: the
     * range is read along the primary key; each kind of filter is one lookup on the filter table's key (the regions
     * as one string to search, not an IN list that H2 would look up value by value); the lower-subscription check
     * finds nothing on the (address, id) index for the usual address with one subscription; and the unique key on
     * message and recipient, not a lookup per row, drops an address queued in an earlier range (ON CONFLICT DO
     * NOTHING, which H2 takes in PostgreSQL mode): that happens when its lower subscription went away in between.
     */
    private void queueSubscribers(Map<String, Object> m, long messageId, long from, long to, Instant now) {
        int lane = ((Number) m.get("lane")).intValue();
        List<Object> matchArgs = new ArrayList<>();
        String match = match(m, from, to, matchArgs);
        String status = lane == MessageDraft.PRIORITY ? "'QUEUED'"
                : "CASE WHEN s.frequency = 'DIGEST' THEN 'HELD' ELSE 'QUEUED' END";
        // Arrays.asList: the organisation is null for a warning, which List.of refuses.
        List<Object> args = new ArrayList<>(Arrays.asList(messageId, lane, Timestamp.from(now),
                m.get("org_code"), Timestamp.from(now), from, to));
        args.addAll(matchArgs);
        // In id order, so that where several subscriptions of one address match, the lowest-numbered one (the first
        // inserted; the unique key drops the others, here or in a later range) is the one the address hears through.
        int queued = jdbc.update("INSERT INTO notify_delivery (message_id, recipient_key, subscription_id, channel, "
                + "address, masked, lane, status, attempts, next_attempt_at, org_code, created_at) "
                + "SELECT ?, CONCAT('a', CAST(s.address_id AS VARCHAR(20))), s.id, a.channel, a.address, a.masked, ?, "
                + status + ", 0, ?, ?, ? FROM notify_subscription s JOIN notify_address a ON a.id = s.address_id "
                + "WHERE s.id > ? AND s.id <= ? AND s.status = 'ACTIVE' AND a.disabled_at IS NULL" + match
                + " ORDER BY s.id ON CONFLICT DO NOTHING", args.toArray());
        log.debug("Message {}: subscriptions {}..{} queued {}", messageId, from + 1, to, queued);
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
