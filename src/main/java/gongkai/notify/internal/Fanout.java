package gongkai.notify.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
     * One range: its subscriptions and their filter rows are read in two scans along the primary keys and matched
     * here, which costs a million subscriptions about a third of what the same test as SQL (a subquery per kind of
     * filter) cost H2. What matched is written as batches for the senders, a few hundred ids to a row; nothing is
     * written per subscriber: a sender turns a batch into delivery rows when it takes it ({@link
     * DeliverySender#claim}), and checks then that the subscription is still on and its address not disabled. An
     * address with several matching subscriptions in the range is kept once, through the lowest-numbered; one whose
     * subscriptions fall in different ranges is kept once by the delivery table's unique key on message and
     * recipient, through whichever batch a sender takes first.
     */
    private void queueSubscribers(Map<String, Object> m, long messageId, long from, long to, Instant now) {
        Wanted wanted = Wanted.of(m);
        Map<Long, Integer> met = new HashMap<>();
        if (wanted.kinds() != 0) {
            jdbc.query("SELECT subscription_id, kind, val FROM notify_subscription_filter WHERE subscription_id > ? "
                    + "AND subscription_id <= ?", (RowCallbackHandler) rs -> {
                        int kind = wanted.metBy(rs.getString(2), rs.getString(3));
                        if (kind != 0) {
                            met.merge(rs.getLong(1), kind, (a, b) -> a | b);
                        }
                    }, from, to);
        }
        Batches batches = new Batches(messageId, ((Number) m.get("lane")).intValue(), properties.batch(),
                Timestamp.from(now));
        Set<Long> addresses = new HashSet<>();
        // Confirmed by the time the message was posted: however long the fan-out takes, a subscription confirmed
        // meanwhile does not hear of what happened before it.
        jdbc.query("SELECT id, address_id, any_domain, any_region, any_item, any_org FROM notify_subscription WHERE "
                + "id > ? AND id <= ? AND status = 'ACTIVE' AND confirmed_at <= ? ORDER BY id", (RowCallbackHandler) rs -> {
                    int named = wanted.kinds() & ~Wanted.any(rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5),
                            rs.getBoolean(6));
                    if ((named & ~met.getOrDefault(rs.getLong(1), 0)) == 0 && addresses.add(rs.getLong(2))) {
                        batches.add(rs.getLong(1));
                    }
                }, from, to, m.get("created_at"));
        jdbc.batchUpdate("INSERT INTO notify_batch (message_id, lane, status, subscriptions, size, created_at) "
                + "VALUES (?, ?, 'QUEUED', ?, ?, ?)", batches.rows());
        log.debug("Message {}: subscriptions {}..{} matched {}", messageId, from + 1, to, addresses.size());
    }

    /**
     * What a message asks of a subscription, a bit for each kind it names: a subscription matches when, for every
     * kind, it named nothing of that kind (any) or named one of the message's values. Regions: the message's regions
     * and those above and below them ({@link RegionScope}).
     */
    private record Wanted(String domain, String item, String org, Set<String> regions) {
        static final int DOMAIN = 1;
        static final int REGION = 2;
        static final int ITEM = 4;
        static final int ORG = 8;

        static Wanted of(Map<String, Object> m) {
            String codes = (String) m.get("region_codes");
            return new Wanted((String) m.get("domain"), (String) m.get("catalog_item"), (String) m.get("org_code"),
                    codes == null || codes.isBlank() ? Set.of() : new HashSet<>(Arrays.asList(codes.split(","))));
        }

        int kinds() {
            return (domain == null ? 0 : DOMAIN) | (regions.isEmpty() ? 0 : REGION) | (item == null ? 0 : ITEM)
                    | (org == null ? 0 : ORG);
        }

        /** The kind a filter row satisfies, or 0. */
        int metBy(String kind, String value) {
            return switch (kind) {
                case "domain" -> value.equals(domain) ? DOMAIN : 0;
                case "region" -> regions.contains(value) ? REGION : 0;
                case "item" -> value.equals(item) ? ITEM : 0;
                case "org" -> value.equals(org) ? ORG : 0;
                default -> 0;
            };
        }

        static int any(boolean domain, boolean region, boolean item, boolean org) {
            return (domain ? DOMAIN : 0) | (region ? REGION : 0) | (item ? ITEM : 0) | (org ? ORG : 0);
        }
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
