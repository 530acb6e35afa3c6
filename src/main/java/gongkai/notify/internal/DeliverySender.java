package gongkai.notify.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriUtils;

import gongkai.notify.ChannelKind;
import gongkai.notify.internal.channel.Channel;
import gongkai.notify.internal.channel.Channels;
import gongkai.notify.internal.channel.MessageKinds;
import gongkai.notify.internal.channel.Outgoing;
import gongkai.notify.internal.channel.SendOutcome;
import gongkai.shared.PublicAddress;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends claimed deliveries and writes down what became of them. A fan-out's batch becomes delivery rows when a sender
 * takes it; a delivery is claimed (QUEUED → SENDING, with a
 * claim id) before it is sent, so that two senders never send it both; once sent, its row is SENT and its address is
 * erased. A permanent refusal counts as a bounce of the address; too many in a row disable it. A passing failure
 * goes back to the queue after a wait that doubles each time, up to the attempt limit.
 *
 * <p>The one window left: a node that dies between the channel's answer and the row's update leaves the claim
 * behind, and after the claim timeout the message goes out again, under the same delivery key (the e-mail's
 * Message-ID, the webhook's {@code X-Gongkai-Delivery}) so that the receiver can drop it.
 */
@Component
public class DeliverySender {

    private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);
    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DeliveryProperties properties;
    private final Channels channels;
    private final Map<ChannelKind, RateLimiter> limits = new EnumMap<>(ChannelKind.class);
    private final PublicAddress site;
    private final JsonMapper json;
    private final TransactionTemplate ownTransaction;

    DeliverySender(JdbcTemplate jdbc, Clock clock, DeliveryProperties properties, Channels channels,
            PublicAddress site, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.properties = properties;
        this.site = site;
        this.json = json;
        this.channels = channels;
        for (ChannelKind kind : ChannelKind.values()) {
            limits.put(kind, new RateLimiter(properties.ratePerSecond().get(kind)));
        }
    }

    /**
     * Claims up to {@code max} deliveries of the lane that are due; answers their ids. Rows already queued come first
     * (notices to one person, retries, deliveries given back); without any, the lane's oldest batch of a fan-out is
     * taken. Rows are read in the queue index's order (status and lane are fixed here, so it is id order), so that
     * the database reads the first rows of the index instead of sorting the whole queue.
     */
    public List<Long> claim(int lane, int max, String claim) {
        Instant now = clock.instant();
        List<Long> due = jdbc.queryForList("SELECT id FROM notify_delivery WHERE status = 'QUEUED' AND lane = ? AND "
                + "next_attempt_at <= ? ORDER BY status, lane, id LIMIT ?", Long.class, lane, Timestamp.from(now), max);
        if (due.isEmpty()) {
            for (long batch : jdbc.queryForList("SELECT id FROM notify_batch WHERE status = 'QUEUED' AND lane = ? "
                    + "ORDER BY status, lane, id LIMIT 3", Long.class, lane)) {
                if (take(batch, claim)) {
                    return claimedBy(claim);
                }
            }
            return due;
        }
        jdbc.update("UPDATE notify_delivery SET status = 'SENDING', claim = ?, claimed_at = ? WHERE status = 'QUEUED' "
                + "AND id IN (" + String.join(",", due.stream().map(String::valueOf).toList()) + ")", claim,
                Timestamp.from(now));
        return claimedBy(claim);
    }

    /** Takes a batch named by a broker; answers the deliveries it became, claimed (none if it was taken before). */
    public List<Long> claimBatch(long batch, String claim) {
        return take(batch, claim) ? claimedBy(claim) : List.of();
    }

    private List<Long> claimedBy(String claim) {
        return jdbc.queryForList("SELECT id FROM notify_delivery WHERE claim = ? AND status = 'SENDING' ORDER BY id",
                Long.class, claim);
    }

    /**
     * Turns a batch into delivery rows, in one transaction with marking it taken: rows claimed by {@code claim},
     * or held for the digest (a daily-digest subscriber's record notice; warnings go to them at once). A
     * subscription that ended, or an address disabled, since the fan-out gets nothing; an address that has its row
     * for the message already (through another subscription, in another batch) gets no second one. Should two
     * senders write the same address's row at once, the database lets one through; where it fails the other's
     * transaction instead (H2), that batch stays queued for the next claim.
     */
    private boolean take(long batch, String claim) {
        Boolean taken = ownTransaction.execute(tx -> {
            Timestamp now = Timestamp.from(clock.instant());
            if (jdbc.update("UPDATE notify_batch SET status = 'TAKEN', taken_at = ? WHERE id = ? AND status = 'QUEUED'",
                    now, batch) == 0) {
                return false;
            }
            Map<String, Object> b = jdbc.queryForMap("SELECT b.message_id, b.lane, b.subscriptions, b.dispatched, "
                    + "m.org_code FROM notify_batch b JOIN notify_message m ON m.id = b.message_id WHERE b.id = ?", batch);
            int lane = ((Number) b.get("lane")).intValue();
            String held = lane == MessageDraft.PRIORITY ? "FALSE" : "s.frequency = 'DIGEST'";
            jdbc.update("INSERT INTO notify_delivery (message_id, recipient_key, subscription_id, channel, address, "
                    + "masked, lane, status, attempts, next_attempt_at, claim, claimed_at, dispatched, org_code, "
                    + "created_at) "
                    + "SELECT ?, CONCAT('a', CAST(s.address_id AS VARCHAR(20))), s.id, a.channel, a.address, a.masked, "
                    + "?, CASE WHEN " + held + " THEN 'HELD' ELSE 'SENDING' END, 0, ?, CASE WHEN " + held
                    + " THEN NULL ELSE CAST(? AS VARCHAR(80)) END, CASE WHEN " + held
                    + " THEN NULL ELSE CAST(? AS TIMESTAMP WITH TIME ZONE) END, ?, ?, ? "
                    + "FROM notify_subscription s JOIN notify_address a ON a.id = s.address_id WHERE s.id IN ("
                    + ids((String) b.get("subscriptions")) + ") AND s.status = 'ACTIVE' AND a.disabled_at IS NULL "
                    + "ORDER BY s.id ON CONFLICT DO NOTHING", b.get("message_id"), lane, now, claim, now,
                    b.get("dispatched"), b.get("org_code"), now);
            return true;
        });
        return Boolean.TRUE.equals(taken);
    }

    /** A batch's ids, checked to be numbers before they go into SQL. */
    private static String ids(String subscriptions) {
        StringBuilder sql = new StringBuilder();
        for (String id : subscriptions.split(",")) {
            sql.append(sql.isEmpty() ? "" : ",").append(Long.parseLong(id.strip()));
        }
        return sql.toString();
    }

    /** Claims one delivery named by a broker; false when it is not (or no longer) waiting. */
    public boolean claimOne(long id, String claim) {
        return jdbc.update("UPDATE notify_delivery SET status = 'SENDING', claim = ?, claimed_at = ? WHERE id = ? AND "
                + "status = 'QUEUED'", claim, Timestamp.from(clock.instant()), id) == 1;
    }

    /**
     * Gives back what a stopping sender claimed and did not send; undispatched, so that with a broker the sweeper
     * passes it on again (the batch it came from is taken and will not be).
     */
    public void release(String claim) {
        jdbc.update("UPDATE notify_delivery SET status = 'QUEUED', claim = NULL, claimed_at = NULL, dispatched = FALSE "
                + "WHERE claim = ? AND status = 'SENDING'", claim);
    }

    /** Gives back claims of senders that died; answers how many. */
    public int reclaimStale() {
        return jdbc.update("UPDATE notify_delivery SET status = 'QUEUED', claim = NULL, claimed_at = NULL, "
                + "dispatched = FALSE WHERE status = 'SENDING' AND claimed_at < ?",
                Timestamp.from(clock.instant().minus(properties.claimTimeout())));
    }

    /** Sends one claimed delivery and records the outcome. */
    public void send(long id, String claim) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT d.id, d.channel, d.address, d.attempts, "
                + "d.recipient_key, d.subscription_id, m.kind, m.subject, m.text, m.link, m.fields, s.token, s.secret "
                + "FROM notify_delivery d JOIN notify_message m ON m.id = d.message_id LEFT JOIN notify_subscription s "
                + "ON s.id = d.subscription_id WHERE d.id = ? AND d.claim = ? AND d.status = 'SENDING'", id, claim);
        if (rows.isEmpty()) {
            return;
        }
        Map<String, Object> r = rows.get(0);
        ChannelKind kind = ChannelKind.valueOf((String) r.get("channel"));
        Channel channel = channels.configured(kind).orElse(null);
        if (r.get("subscription_id") != null && r.get("token") == null) {
            finish(id, "DROPPED", "unsubscribed before sending");
            return;
        }
        if (channel == null || r.get("address") == null) {
            finish(id, "FAILED", "channel " + kind + " is not configured");
            return;
        }
        if (!limits.get(kind).acquire()) {
            release(claim);
            return;
        }
        String messageKind = (String) r.get("kind");
        String token = (String) r.get("token");
        String unsubscribe = token == null || MessageKinds.CONFIRM.equals(messageKind) ? null
                : site.link("/unsubscribe/" + UriUtils.encodePathSegment(token, java.nio.charset.StandardCharsets.UTF_8));
        String text = (String) r.get("text") + (unsubscribe == null ? "" : "\n\n退订：" + unsubscribe);
        Outgoing out = new Outgoing("gk-" + id, kind, (String) r.get("address"), (String) r.get("secret"), messageKind,
                (String) r.get("subject"), text, (String) r.get("link"), unsubscribe,
                json.readValue((String) r.get("fields"), FIELDS));
        SendOutcome outcome;
        try {
            outcome = channel.send(out);
        } catch (RuntimeException e) {
            outcome = SendOutcome.retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        int attempts = ((Number) r.get("attempts")).intValue() + 1;
        String recipient = (String) r.get("recipient_key");
        switch (outcome.status()) {
            case SENT -> {
                finish(id, "SENT", null);
                if (recipient.startsWith("a")) {
                    jdbc.update("UPDATE notify_address SET bounces = 0 WHERE id = ? AND bounces > 0",
                            Long.parseLong(recipient.substring(1)));
                }
            }
            case PERMANENT -> {
                finish(id, "FAILED", outcome.detail());
                if (recipient.startsWith("a")) {
                    bounce(Long.parseLong(recipient.substring(1)));
                }
            }
            default -> {
                if (attempts >= properties.maxAttempts()) {
                    finish(id, "FAILED", "gave up after " + attempts + " attempts: " + outcome.detail());
                } else {
                    jdbc.update("UPDATE notify_delivery SET status = 'QUEUED', claim = NULL, claimed_at = NULL, "
                            + "dispatched = FALSE, attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
                            attempts, Timestamp.from(clock.instant().plus(properties.backoff(attempts))),
                            Outbox.cut(outcome.detail(), 300), id);
                }
            }
        }
    }

    private void finish(long id, String status, String error) {
        jdbc.update("UPDATE notify_delivery SET status = ?, address = NULL, claim = NULL, attempts = attempts + 1, "
                + "last_error = ?, done_at = ? WHERE id = ?", status, Outbox.cut(error, 300),
                Timestamp.from(clock.instant()), id);
        if (error != null) {
            log.info("Delivery {} {}: {}", id, status, error);
        }
    }

    private void bounce(long addressId) {
        jdbc.update("UPDATE notify_address SET bounces = bounces + 1 WHERE id = ?", addressId);
        int disabled = jdbc.update("UPDATE notify_address SET disabled_at = ? WHERE id = ? AND bounces >= ? AND "
                + "disabled_at IS NULL", Timestamp.from(clock.instant()), addressId, properties.bounceLimit());
        if (disabled == 1) {
            log.warn("Subscriber address {} disabled after {} permanent failures", addressId, properties.bounceLimit());
        }
    }
}
