package gongkai.notify.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import gongkai.notify.ChannelKind;
import gongkai.shared.AfterCommit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where messages enter the queue. A message is stored once under its key (a second post of the same key returns the
 * first and adds nothing); a message to subscribers or residents waits for the fan-out, a direct one gets its single
 * delivery at once. Runs in the caller's transaction: an event listener's, so that the message and the event's
 * completion commit together.
 */
@Component
public class Outbox {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Lanes lanes;

    Outbox(JdbcTemplate jdbc, JsonMapper json, Clock clock, Lanes lanes) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.lanes = lanes;
    }

    /** Stores the message unless its key is known; returns its id and whether it is new. */
    @Transactional
    public Posted post(MessageDraft d) {
        Optional<Long> known = idOf(d.key());
        if (known.isPresent()) {
            return new Posted(known.get(), false);
        }
        Instant now = clock.instant();
        jdbc.update("INSERT INTO notify_message (message_key, kind, lane, audience, org_code, domain, catalog_item, "
                + "region_codes, subject, text, link, fields, fanout_status, fanout_cursor, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)", d.key(), d.kind(), d.lane(),
                d.audience().name(), d.org(), d.domain(), d.item(), String.join(",", d.regions()), cut(d.subject(), 300),
                cut(d.text(), 4000), d.link(), json.writeValueAsString(d.fields()),
                d.audience() == MessageDraft.Audience.DIRECT ? "DONE" : "PENDING", Timestamp.from(now));
        long id = idOf(d.key()).orElseThrow();
        if (d.audience() != MessageDraft.Audience.DIRECT) {
            AfterCommit.run(() -> lanes.fanoutWaiting(d.lane()));
        }
        return new Posted(id, true);
    }

    /**
     * Queues a message for one person: a confirmation, a notice to an applicant. {@code subscriptionId} is set when
     * the message belongs to a subscription (its secret signs a webhook). Nothing happens if the key was queued.
     */
    @Transactional
    public void direct(MessageDraft d, ChannelKind channel, String address, String masked, Long subscriptionId) {
        Posted posted = post(d);
        if (!posted.created()) {
            return;
        }
        Instant now = clock.instant();
        jdbc.update("INSERT INTO notify_delivery (message_id, recipient_key, subscription_id, channel, address, "
                + "masked, lane, status, attempts, next_attempt_at, org_code, created_at) "
                + "VALUES (?, 'd', ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?, ?)", posted.id(), subscriptionId, channel.name(),
                address, masked, d.lane(), Timestamp.from(now), d.org(), Timestamp.from(now));
        AfterCommit.run(() -> lanes.deliveriesWaiting(d.lane(), posted.id()));
    }

    private Optional<Long> idOf(String key) {
        return jdbc.queryForList("SELECT id FROM notify_message WHERE message_key = ?", Long.class, key).stream()
                .findFirst();
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public record Posted(long id, boolean created) {
    }
}
