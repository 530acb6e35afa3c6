package gongkai.notify.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import gongkai.notify.ChannelKind;
import gongkai.notify.Subscriptions;
import gongkai.notify.internal.channel.MessageKinds;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.PublicAddress;

/**
 * The daily digest: for each address that asked for one, the messages held since the last digest become one
 * message (its title and link for each, up to 50), sent on the normal lane; the held deliveries are marked DIGESTED.
 * One digest per address and day, whichever node runs the job. Also deletes lapsed unconfirmed subscriptions.
 */
@Component
class Digests {

    private static final Logger log = LoggerFactory.getLogger(Digests.class);
    private static final int MAX_LINES = 50;

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final Subscriptions subscriptions;
    private final PublicAddress site;
    private final Clock clock;

    Digests(JdbcTemplate jdbc, Outbox outbox, Subscriptions subscriptions, PublicAddress site, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.site = site;
        this.clock = clock;
    }

    @SchedulerLock(name = "notify.digests", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
    @Scheduled(cron = "${gongkai.notify.delivery.digest-cron:0 0 18 * * *}", zone = "Asia/Shanghai")
    void daily() {
        int sent = sendDigests();
        int purged = subscriptions.purgeUnconfirmed();
        log.info("Daily digests: {} sent; {} unconfirmed subscriptions deleted", sent, purged);
    }

    @SchedulerLock(name = "notify.unconfirmed-purge", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void hourly() {
        subscriptions.purgeUnconfirmed();
    }

    /** Sends today's digests; answers how many. */
    @Transactional
    public int sendDigests() {
        LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.CHINA));
        List<Map<String, Object>> recipients = jdbc.queryForList("SELECT recipient_key, channel, MIN(subscription_id) "
                + "AS subscription_id, MIN(address) AS address, MIN(masked) AS masked, COUNT(*) AS n FROM notify_delivery "
                + "WHERE status = 'HELD' AND address IS NOT NULL GROUP BY recipient_key, channel");
        for (Map<String, Object> r : recipients) {
            String key = (String) r.get("recipient_key");
            List<Map<String, Object>> held = jdbc.queryForList("SELECT d.id, m.subject, m.link FROM notify_delivery d "
                    + "JOIN notify_message m ON m.id = d.message_id WHERE d.recipient_key = ? AND d.status = 'HELD' "
                    + "ORDER BY d.id", key);
            StringBuilder text = new StringBuilder("今日共有").append(held.size()).append("条您订阅的政府信息更新：\n\n");
            List<Long> ids = new ArrayList<>();
            int i = 0;
            for (Map<String, Object> h : held) {
                ids.add(((Number) h.get("id")).longValue());
                if (++i <= MAX_LINES) {
                    text.append(i).append(". ").append(h.get("subject"));
                    if (h.get("link") != null) {
                        text.append("\n   ").append(h.get("link"));
                    }
                    text.append('\n');
                }
            }
            if (held.size() > MAX_LINES) {
                text.append("……另有").append(held.size() - MAX_LINES).append("条，请到 ").append(site.link("/records"))
                        .append(" 查看。\n");
            }
            text.append("\n—— ").append(PushListeners.SIGNATURE);
            Number sub = (Number) r.get("subscription_id");
            outbox.direct(new MessageDraft("digest:" + key + ":" + today, MessageKinds.DIGEST, MessageDraft.NORMAL,
                    MessageDraft.Audience.DIRECT, null, null, null, List.of(),
                    "宜春市政府信息公开每日汇总（" + today + "，" + held.size() + "条）", text.toString(), site.link("/records"),
                    Map.of("count", Integer.toString(held.size()), "url", site.link("/records"))),
                    ChannelKind.valueOf((String) r.get("channel")), (String) r.get("address"), (String) r.get("masked"),
                    sub == null ? null : sub.longValue());
            for (long id : ids) {
                jdbc.update("UPDATE notify_delivery SET status = 'DIGESTED', address = NULL, done_at = ? WHERE id = ?",
                        Timestamp.from(clock.instant()), id);
            }
        }
        return recipients.size();
    }
}
