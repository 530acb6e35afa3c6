package gongkai.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import gongkai.emergency.NewWarning;
import gongkai.emergency.Warnings;
import gongkai.notify.internal.channel.MessageKinds;
import gongkai.notify.internal.channel.Outgoing;
import gongkai.publishing.RecordInput;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.RabbitTestBroker;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

/**
 * Deliveries through the real RabbitMQ broker ({@code gongkai.notify.delivery.broker=rabbitmq}): a subscriber confirmed
 * by SMS hears once of a record published, through the normal lane's queue; a warning goes through the priority
 * lane's queue; a delivery that fails for a passing reason is passed on again by the sweeper and arrives. While a
 * lane's consumers are stopped its deliveries wait in the broker's queue, which shows that nothing else sends them.
 * Skipped when no broker answers, except under CI.
 */
@SpringBootTest(properties = {"gongkai.notify.delivery.rabbit-sweep-every=300ms",
        "gongkai.notify.delivery.rabbit-sweep-grace=1s"})
@ActiveProfiles("test")
@Import(RecordingChannels.class)
@DirtiesContext
class RabbitDeliveryTest {

    @RegisterExtension
    static final RabbitTestBroker broker = new RabbitTestBroker();
    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

    private static final String MOBILE = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    private static final Pattern CODE = Pattern.compile("验证码(\\d{6})");

    @DynamicPropertySource
    static void rabbit(DynamicPropertyRegistry registry) {
        broker.register(registry);
    }

    @Autowired
    RecordingChannels.Recording recordingSms;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AmqpAdmin admin;
    @Autowired
    Warnings warnings;
    @Autowired
    SimpleMessageListenerContainer notifyPriorityConsumers;
    @Autowired
    SimpleMessageListenerContainer notifyNormalConsumers;

    /** One subscriber for every test: by SMS, to the health commission's records, confirmed with the code it got. */
    @BeforeAll
    static void subscribeAndConfirm(@Autowired Subscriptions subscriptions,
            @Autowired RecordingChannels.Recording recordingSms) {
        SubscriptionReceipt receipt = subscriptions.subscribe(new NewSubscription(ChannelKind.SMS, MOBILE, List.of(),
                List.of(), List.of(), List.of("ycswjw"), Frequency.IMMEDIATE, null));
        Outgoing confirmation = recordingSms.await(MOBILE, o -> MessageKinds.CONFIRM.equals(o.kind()));
        Matcher code = CODE.matcher(confirmation.text());
        assertThat(code.find()).as("a code in %s", confirmation.text()).isTrue();
        subscriptions.confirmCode(receipt.id(), code.group(1));
    }

    @AfterAll
    static void deleteQueues(@Autowired ApplicationContext app) {
        app.getBean("notifyPriorityConsumers", SimpleMessageListenerContainer.class).stop();
        app.getBean("notifyNormalConsumers", SimpleMessageListenerContainer.class).stop();
        AmqpAdmin admin = app.getBean(AmqpAdmin.class);
        admin.deleteQueue(broker.prefix() + ".priority");
        admin.deleteQueue(broker.prefix() + ".normal");
    }

    @Test
    void aPublishedRecordWaitsInTheNormalQueueAndReachesTheSubscriberOnce() {
        String title = "健康义诊活动安排（RabbitMQ）" + System.nanoTime();
        notifyNormalConsumers.stop();
        try {
            review.publish(Staff.of("ycswjw"), campaign(title));
            await(() -> batchDispatched(title), "the batch of the record's fan-out passed to RabbitMQ");
            assertThat(waiting(".normal")).isEqualTo(1L);
            assertThat(waiting(".priority")).isZero();
            pause(Duration.ofSeconds(1));
            assertThat(about(title)).as("nothing sends while the normal lane's consumers are stopped").isEmpty();
            assertThat(exists(title)).as("no delivery row before a consumer takes the batch").isFalse();
        } finally {
            notifyNormalConsumers.start();
        }
        recordingSms.await(MOBILE, o -> o.text().contains(title));
        await(() -> waiting(".normal") == 0, "the normal queue drained");
        pause(Duration.ofSeconds(1));
        assertThat(about(title)).hasSize(1).allMatch(o -> MessageKinds.RECORD_PUBLISHED.equals(o.kind()));
        assertThat(delivery(title)).containsEntry("status", "SENT").containsEntry("dispatched", true);
    }

    @Test
    void aConfirmationCodeWaitsInThePriorityQueueAndArrivesOnce(@Autowired Subscriptions subscriptions) {
        String mobile = "138" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        notifyPriorityConsumers.stop();
        long id;
        try {
            id = subscriptions.subscribe(new NewSubscription(ChannelKind.SMS, mobile, List.of("health"), List.of(),
                    List.of(), List.of(), Frequency.IMMEDIATE, null)).id();
            String key = "confirm:" + id;
            await(() -> Boolean.TRUE.equals(byKey(key).get("dispatched")), "the confirmation passed to RabbitMQ");
            assertThat(waiting(".priority")).isEqualTo(1L);
            assertThat(waiting(".normal")).isZero();
            pause(Duration.ofSeconds(1));
            assertThat(recordingSms.sentTo(mobile)).as("nothing sends while the priority consumer is stopped").isEmpty();
        } finally {
            notifyPriorityConsumers.start();
        }
        recordingSms.await(mobile, o -> MessageKinds.CONFIRM.equals(o.kind()));
        pause(Duration.ofSeconds(1));
        assertThat(recordingSms.sentTo(mobile)).hasSize(1);
        assertThat(byKey("confirm:" + id)).containsEntry("status", "SENT").containsEntry("lane", 0);
    }

    @Test
    void aWarningGoesThroughThePriorityQueue() {
        String headline = "测试暴雨预警" + System.nanoTime();
        DateTimeFormatter minute = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        LocalDateTime now = LocalDateTime.now(PlatformConfiguration.CHINA);
        notifyPriorityConsumers.stop();
        try {
            Acting.as(Acting.actor("ycsyjj", Role.APPROVER), () -> warnings.issue(new NewWarning("暴雨", "ORANGE",
                    List.of("360902"), headline, "预计未来6小时内降雨量将达100毫米以上。", "停止集会，注意防范山洪。",
                    minute.format(now), minute.format(now.plusDays(1)))));
            await(() -> batchDispatched(headline), "the batch of the warning's fan-out passed to RabbitMQ");
            assertThat(waiting(".priority")).isEqualTo(1L);
            assertThat(waiting(".normal")).isZero();
            pause(Duration.ofSeconds(1));
            assertThat(about(headline)).as("nothing sends while the priority lane's consumer is stopped").isEmpty();
        } finally {
            notifyPriorityConsumers.start();
        }
        recordingSms.await(MOBILE, o -> o.text().contains(headline));
        pause(Duration.ofSeconds(1));
        assertThat(about(headline)).hasSize(1).allMatch(o -> MessageKinds.WARNING.equals(o.kind()));
        assertThat(delivery(headline)).containsEntry("status", "SENT").containsEntry("lane", 0);
    }

    @Test
    void aDeliveryThatFailedForAPassingReasonIsPassedOnAgainAndArrivesOnce() {
        String title = "健康讲座通知（重试）" + System.nanoTime();
        recordingSms.busy(MOBILE::equals);
        try {
            review.publish(Staff.of("ycswjw"), campaign(title));
            // a retried delivery is put back undispatched: a second attempt means the sweeper passed it on again
            await(() -> exists(title) && ((Number) delivery(title).get("attempts")).intValue() >= 2,
                    "a second attempt at the busy address");
        } finally {
            recordingSms.busy(a -> false);
        }
        recordingSms.await(MOBILE, o -> o.text().contains(title));
        pause(Duration.ofSeconds(1));
        assertThat(about(title)).hasSize(1);
        assertThat(delivery(title)).containsEntry("status", "SENT");
    }

    private List<Outgoing> about(String text) {
        return recordingSms.sentTo(MOBILE).stream().filter(o -> o.text().contains(text)).toList();
    }

    private boolean exists(String subject) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notify_delivery d JOIN notify_message m ON m.id = "
                + "d.message_id WHERE m.text LIKE ?", Long.class, "%" + subject + "%") > 0;
    }

    /** Whether the fan-out of the message whose text contains {@code subject} made one batch, passed to the broker. */
    private boolean batchDispatched(String subject) {
        List<Boolean> batches = jdbc.queryForList("SELECT b.dispatched FROM notify_batch b JOIN notify_message m ON "
                + "m.id = b.message_id WHERE m.text LIKE ? AND b.status = 'QUEUED'", Boolean.class, "%" + subject + "%");
        return batches.size() == 1 && batches.get(0);
    }

    /** The one delivery of the message whose text contains {@code subject}. */
    private Map<String, Object> delivery(String subject) {
        return jdbc.queryForMap("SELECT d.status, d.dispatched, d.attempts, d.lane FROM notify_delivery d JOIN "
                + "notify_message m ON m.id = d.message_id WHERE m.text LIKE ?", "%" + subject + "%");
    }

    /** The one delivery of the message with that key. */
    private Map<String, Object> byKey(String key) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT d.status, d.dispatched, d.lane FROM "
                + "notify_delivery d JOIN notify_message m ON m.id = d.message_id WHERE m.message_key = ?", key);
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    /** AMQP messages ready in this run's queue of that lane. */
    private long waiting(String lane) {
        QueueInformation info = admin.getQueueInfo(broker.prefix() + lane);
        assertThat(info).as("queue %s%s declared", broker.prefix(), lane).isNotNull();
        return info.getMessageCount();
    }

    private static RecordInput campaign(String title) {
        return new RecordInput("he-campaign", "ycswjw", "360900", title, "", null, java.time.LocalDate.of(2026, 11, 2),
                "<p>活动安排如下。</p>", List.of("健康中国行"), null, null, null, null, List.of(), null, null);
    }

    private static void await(BooleanSupplier condition, String what) {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("Not within 20 s: " + what);
            }
            pause(Duration.ofMillis(50));
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
