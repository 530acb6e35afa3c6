package gongkai.notify.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Passes queued deliveries to RabbitMQ: their ids, a hundred to an AMQP message, on the queue of their lane. A
 * delivery is marked {@code dispatched} only after the broker confirmed the publish, so a publish lost with a node
 * leaves it undispatched for the sweeper; one published twice (a crash between publish and mark, two nodes passing
 * the same row) is harmless, since a consumer must claim a delivery before sending it.
 *
 * <p>The mark is guarded by the attempt count read before the publish: a consumer quick enough to have tried the
 * delivery already (and put it back for a retry, undispatched) is not overruled.
 */
class RabbitDispatch implements DeliveryDispatch {

    private static final Logger log = LoggerFactory.getLogger(RabbitDispatch.class);
    static final int IDS_PER_MESSAGE = 100;
    private static final int PAGE = 1000;
    private static final long CONFIRM_TIMEOUT_MS = 30_000;
    /**
     * For the messages this node fans out, the last delivery id passed on: each fan-out step's rows are read from
     * there, not from the message's first row again (a message to a million would be read over and over); bounded.
     */
    private static final int CURSORS = 1000;

    private final JdbcTemplate jdbc;
    private final RabbitTemplate rabbit;
    /** Requires a new transaction: {@link #queued} may run in the after-commit phase of a caller's one. */
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final RabbitSettings settings;
    private final DeliveryProperties properties;
    private final boolean confirmed;
    private final Map<Long, Long> cursors = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
            return size() > CURSORS;
        }
    };

    RabbitDispatch(JdbcTemplate jdbc, RabbitTemplate rabbit, TransactionTemplate ownTransaction, Clock clock,
            RabbitSettings settings, DeliveryProperties properties) {
        this.jdbc = jdbc;
        this.rabbit = rabbit;
        this.ownTransaction = ownTransaction;
        this.clock = clock;
        this.settings = settings;
        this.properties = properties;
        this.confirmed = rabbit.getConnectionFactory().isSimplePublisherConfirms();
        if (!confirmed) {
            log.warn("spring.rabbitmq.publisher-confirm-type is not simple: deliveries are marked dispatched without "
                    + "the broker's confirmation, and a publish lost on the way is not sent");
        }
    }

    /**
     * Called after the deliveries of a message were committed, from the fan-out or from the commit of a direct
     * message (a request's thread): it never throws, and what it could not pass on is left to the sweeper.
     */
    @Override
    public void queued(int lane, long messageId) {
        try {
            long after;
            synchronized (cursors) {
                after = cursors.getOrDefault(messageId, 0L);
            }
            while (true) {
                long from = after;
                List<Row> page = ownTransaction.execute(status -> jdbc.query("SELECT id, lane, attempts FROM "
                        + "notify_delivery WHERE status = 'QUEUED' AND lane = ? AND id > ? AND message_id = ? AND "
                        + "dispatched = FALSE AND next_attempt_at <= ? ORDER BY id LIMIT ?", Row.MAPPER, lane, from,
                        messageId, Timestamp.from(clock.instant()), PAGE));
                if (page.isEmpty()) {
                    break;
                }
                dispatch(lane, page);
                after = page.get(page.size() - 1).id();
                synchronized (cursors) {
                    cursors.put(messageId, after);
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not pass the deliveries of message {} to RabbitMQ, the sweeper will: {}", messageId,
                    e.toString());
        }
    }

    /** Passes on deliveries that are due and undispatched: retries, and those whose publish was lost. */
    @Scheduled(fixedDelayString = "${gongkai.notify.delivery.rabbit-sweep-every:10s}")
    void sweep() {
        if (!properties.enabled()) {
            return;
        }
        try {
            Instant now = clock.instant();
            long after = 0;
            int passed = 0;
            while (true) {
                List<Row> page = jdbc.query("SELECT id, lane, attempts FROM notify_delivery WHERE status = 'QUEUED' AND "
                        + "dispatched = FALSE AND next_attempt_at <= ? AND (attempts > 0 OR next_attempt_at <= ?) AND "
                        + "id > ? ORDER BY id LIMIT ?", Row.MAPPER, Timestamp.from(now),
                        Timestamp.from(now.minus(settings.rabbitSweepGrace())), after, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                for (int lane : new int[] {MessageDraft.PRIORITY, MessageDraft.NORMAL}) {
                    List<Row> ofLane = page.stream().filter(r -> r.lane() == lane).toList();
                    if (!ofLane.isEmpty()) {
                        dispatch(lane, ofLane);
                    }
                }
                passed += page.size();
                after = page.get(page.size() - 1).id();
                if (page.size() < PAGE) {
                    break;
                }
            }
            if (passed > 0) {
                log.info("Passed {} due deliveries (retries or lost publishes) to RabbitMQ", passed);
            }
        } catch (RuntimeException e) {
            log.warn("Could not sweep undispatched deliveries to RabbitMQ, trying again later: {}", e.toString());
        }
    }

    /** Publishes the rows' ids on the lane's queue, waits for the broker to confirm, then marks them dispatched. */
    private void dispatch(int lane, List<Row> rows) {
        String queue = settings.queue(lane);
        rabbit.invoke(ops -> {
            for (int i = 0; i < rows.size(); i += IDS_PER_MESSAGE) {
                ops.send("", queue, message(rows.subList(i, Math.min(rows.size(), i + IDS_PER_MESSAGE))));
            }
            if (confirmed) {
                ops.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
            }
            return null;
        });
        Map<Integer, List<Long>> byAttempts = rows.stream().collect(Collectors.groupingBy(Row::attempts, TreeMap::new,
                Collectors.mapping(Row::id, Collectors.toList())));
        ownTransaction.executeWithoutResult(status -> byAttempts.forEach((attempts, ids) -> jdbc.update(
                "UPDATE notify_delivery SET dispatched = TRUE WHERE status = 'QUEUED' AND dispatched = FALSE AND "
                        + "attempts = ? AND id IN (" + ids.stream().map(String::valueOf).collect(Collectors.joining(","))
                        + ")", attempts)));
    }

    private static Message message(List<Row> rows) {
        MessageProperties props = new MessageProperties();
        props.setContentType(MessageProperties.CONTENT_TYPE_TEXT_PLAIN);
        props.setContentEncoding(StandardCharsets.US_ASCII.name());
        props.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        List<String> ids = new ArrayList<>(rows.size());
        rows.forEach(r -> ids.add(Long.toString(r.id())));
        return new Message(String.join(",", ids).getBytes(StandardCharsets.US_ASCII), props);
    }

    /** The ids an AMQP message of {@link #message} carries. */
    static List<Long> ids(Message message) {
        String body = new String(message.getBody(), StandardCharsets.US_ASCII).strip();
        List<Long> ids = new ArrayList<>();
        if (!body.isEmpty()) {
            for (String id : body.split(",")) {
                ids.add(Long.parseLong(id.strip()));
            }
        }
        return ids;
    }

    private record Row(long id, int lane, int attempts) {
        static final RowMapper<Row> MAPPER = (rs, n) -> new Row(rs.getLong("id"),
                rs.getInt("lane"), rs.getInt("attempts"));
    }
}
