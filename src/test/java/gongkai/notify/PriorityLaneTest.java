package gongkai.notify;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import gongkai.emergency.NewWarning;
import gongkai.emergency.Warnings;
import gongkai.notify.RecordingChannels.Recording;
import gongkai.notify.internal.channel.MessageKinds;
import gongkai.notify.internal.channel.Outgoing;
import gongkai.publishing.RecordInput;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

/**
 * The priority lane: a warning issued while a record's notices are still queued (the gateway is slow here: 40 ms a
 * message) reaches every subscriber of its area before that backlog has drained, the normal lane standing aside
 * meanwhile.
 */
@NotifyTest
class PriorityLaneTest {

    private static final int SUBSCRIBERS = 100;
    private static final String PREFIX = "1370000";

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Warnings warnings;
    @Autowired
    Recording recordingSms;

    @Test
    void aWarningOvertakesTheBacklogOfARecordsNotices() throws Exception {
        recordingSms.delay(Duration.ofMillis(40));
        try {
            overtake();
        } finally {
            recordingSms.delay(Duration.ZERO);
            // The context is shared: later tests should not find these subscribers.
            jdbc.update("DELETE FROM notify_subscription_filter WHERE subscription_id IN (SELECT id FROM "
                    + "notify_subscription WHERE token LIKE 'lane-token-%')");
            jdbc.update("DELETE FROM notify_subscription WHERE token LIKE 'lane-token-%'");
            jdbc.update("DELETE FROM notify_address WHERE address LIKE ?", PREFIX + "%");
        }
    }

    private void overtake() throws Exception {
        // Confirmed subscriptions to social assistance in 袁州区, as the confirmation would leave them.
        for (int i = 0; i < SUBSCRIBERS; i++) {
            String mobile = PREFIX + String.format("%04d", i);
            jdbc.update("INSERT INTO notify_address (channel, address, masked, bounces, created_at) VALUES ('SMS', ?, ?, 0, "
                    + "?)", mobile, "137****" + mobile.substring(7), Timestamp.from(Instant.now()));
            long address = jdbc.queryForObject("SELECT id FROM notify_address WHERE address = ?", Long.class, mobile);
            jdbc.update("INSERT INTO notify_subscription (address_id, status, frequency, any_domain, any_region, any_item, "
                    + "any_org, token, created_at, confirmed_at) VALUES (?, 'ACTIVE', 'IMMEDIATE', FALSE, FALSE, TRUE, "
                    + "TRUE, ?, ?, ?)", address, "lane-token-" + i, Timestamp.from(Instant.now()),
                    Timestamp.from(Instant.now()));
            long sub = jdbc.queryForObject("SELECT id FROM notify_subscription WHERE token = ?", Long.class,
                    "lane-token-" + i);
            jdbc.update("INSERT INTO notify_subscription_filter (subscription_id, kind, val) VALUES (?, 'domain', "
                    + "'social-assistance'), (?, 'region', '360902')", sub, sub);
        }
        review.publish(Staff.of("yzqzf"), new RecordInput("sa-policy", "yzqzf", "360902", "袁州区低保标准（优先通道测试）",
                "", null, LocalDate.of(2026, 11, 2), "<p>新标准。</p>", List.of(), null, null, null, null, null, null,
                null));
        awaitCount(MessageKinds.RECORD_PUBLISHED, 5);

        LocalDateTime now = LocalDateTime.now(PlatformConfiguration.CHINA);
        DateTimeFormatter minute = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        as(Acting.actor("ycsyjj", Role.APPROVER), () -> warnings.issue(new NewWarning("暴雨", "ORANGE",
                List.of("360902"), null, "预计未来6小时内降雨量将达100毫米以上。", "停止集会，注意防范山洪。",
                now.format(minute), now.plusHours(12).format(minute))));

        awaitCount(MessageKinds.WARNING, SUBSCRIBERS);
        List<Outgoing> sent = ours();
        long recordsWhenWarnedAll = sent.stream().filter(o -> o.kind().equals(MessageKinds.RECORD_PUBLISHED)).count();
        String order = String.join("", sent.stream().map(o -> o.kind().equals(MessageKinds.WARNING) ? "W" : "r").toList());
        assertThat(recordsWhenWarnedAll).as("record notices out when the last warning went: %s", order)
                .isLessThan(SUBSCRIBERS);
        int first = indexOf(sent, MessageKinds.WARNING);
        long interleaved = sent.subList(first, sent.size()).stream()
                .filter(o -> o.kind().equals(MessageKinds.RECORD_PUBLISHED)).count();
        // A sender of the normal lane may finish the one message in its hand when the warning comes.
        assertThat(interleaved).as("record notices sent while the warning went out").isLessThanOrEqualTo(2);
        assertThat(sent.get(first).text()).contains("暴雨橙色预警", "袁州区");

        awaitCount(MessageKinds.RECORD_PUBLISHED, SUBSCRIBERS);
    }

    /** What went to this test's subscribers, in the order sent. */
    private List<Outgoing> ours() {
        return recordingSms.all().stream().filter(o -> o.address().startsWith(PREFIX)).toList();
    }

    private static int indexOf(List<Outgoing> sent, String kind) {
        for (int i = 0; i < sent.size(); i++) {
            if (sent.get(i).kind().equals(kind)) {
                return i;
            }
        }
        throw new AssertionError("no " + kind);
    }

    private void awaitCount(String kind, int n) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            if (ours().stream().filter(o -> o.kind().equals(kind)).count() >= n) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("fewer than " + n + " " + kind + " within 60 s");
    }
}
