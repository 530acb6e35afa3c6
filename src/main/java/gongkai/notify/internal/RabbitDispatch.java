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
 * Passes queued work to RabbitMQ: the ids of delivery rows (a notice to one person, a retry) and of a fan-out's
 * batches ({@code b} and the id), a hundred to an AMQP message, on the queue of their lane. A row or batch is marked
 * {@code dispatched} only after the broker confirmed the publish, so a publish lost with a node leaves it
 * undispatched for the sweeper; one published twice (a crash between publish and mark, two nodes passing the same
 * row) is harmless, since a consumer must claim a delivery, or take a batch, before sending anything.
 *
 * <p>The mark of a row is guarded by the attempt count read before the publish: a consumer quick enough to have
 * tried the delivery already (and put it back for a retry, undispatched) is not overruled.
 */
class RabbitDispatch implements DeliveryDispatch {

    private static final Logger log = LoggerFactory.getLogger(RabbitDispatch.class);
    static final int IDS_PER_MESSAGE = 100;
    private static final int PAGE = 1000;
    private static final long CONFIRM_TIMEOUT_MS = 30_000;
    /**
     * For the messages this node fans out, the last batch id passed on: each fan-out step's batches are read from
     * there, not from the message's first batch again; bounded.
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
     * Called after work for a message was committed, from a fan-out step (its batches) or from the commit of a
     * direct message (its one delivery row, from a request's thread): it never throws, and what it could not pass on
     * is left to the sweeper.
     */
    @Override
    public void queued(int lane, long messageId) {
        try {
            Timestamp now = Timestamp.from(clock.instant());
            List<Work> rows = ownTransaction.execute(status -> jdbc.query("SELECT id, FALSE AS batch, lane, attempts "
                    + "FROM notify_delivery WHERE message_id = ? AND status = 'QUEUED' AND lane = ? AND dispatched = "
                    + "FALSE AND next_attempt_at <= ? ORDER BY id LIMIT ?", Work.MAPPER, messageId, lane, now, PAGE));
            if (!rows.isEmpty()) {
                dispatch(lane, rows);
            }
            long after;
            synchronized (cursors) {
                after = cursors.getOrDefault(messageId, 0L);
            }
            while (true) {
                long from = after;
                List<Work> page = ownTransaction.execute(status -> jdbc.query("SELECT id, TRUE AS batch, lane, "
                        + "0 AS attempts FROM notify_batch WHERE message_id = ? AND id > ? AND status = 'QUEUED' AND "
                        + "dispatched = FALSE ORDER BY message_id, id LIMIT ?", Work.MAPPER, messageId, from, PAGE));
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
            log.warn("Could not pass the work of message {} to RabbitMQ, the sweeper will: {}", messageId,
                    e.toString());
        }
    }

    /**
     * Passes on what is due and undispatched: retries, deliveries given back by a consumer that stopped, and rows or
     * batches whose publish was lost.
     */
    @Scheduled(fixedDelayString = "${gongkai.notify.delivery.rabbit-sweep-every:10s}")
    void sweep() {
        if (!properties.enabled()) {
            return;
        }
        try {
            Instant now = clock.instant();
            Timestamp grace = Timestamp.from(now.minus(settings.rabbitSweepGrace()));
            int passed = sweep("SELECT id, FALSE AS batch, lane, attempts FROM notify_delivery WHERE status = 'QUEUED' "
                    + "AND dispatched = FALSE AND next_attempt_at <= ? AND (attempts > 0 OR next_attempt_at <= ?) AND "
                    + "id > ? ORDER BY id LIMIT ?", Timestamp.from(now), grace);
            passed += sweep("SELECT id, TRUE AS batch, lane, 0 AS attempts FROM notify_batch WHERE status = 'QUEUED' "
                    + "AND dispatched = FALSE AND created_at <= ? AND id > ? ORDER BY id LIMIT ?", grace);
            if (passed > 0) {
                log.info("Passed {} due deliveries or batches (retries or lost publishes) to RabbitMQ", passed);
            }
        } catch (RuntimeException e) {
            log.warn("Could not sweep undispatched deliveries to RabbitMQ, trying again later: {}", e.toString());
        }
    }

    /** Pages through what {@code sql} finds (its last two parameters: after which id, how many) and passes it on. */
    private int sweep(String sql, Object... args) {
        long after = 0;
        int passed = 0;
        while (true) {
            Object[] all = java.util.Arrays.copyOf(args, args.length + 2);
            all[args.length] = after;
            all[args.length + 1] = PAGE;
            List<Work> page = jdbc.query(sql, Work.MAPPER, all);
            if (page.isEmpty()) {
                return passed;
            }
            for (int lane : new int[] {MessageDraft.PRIORITY, MessageDraft.NORMAL}) {
                List<Work> ofLane = page.stream().filter(r -> r.lane() == lane).toList();
                if (!ofLane.isEmpty()) {
                    dispatch(lane, ofLane);
                }
            }
            passed += page.size();
            after = page.get(page.size() - 1).id();
            if (page.size() < PAGE) {
                return passed;
            }
        }
    }

    /** Publishes the work's ids on the lane's queue, waits for the broker to confirm, then marks them dispatched. */
    private void dispatch(int lane, List<Work> work) {
        String queue = settings.queue(lane);
        rabbit.invoke(ops -> {
            for (int i = 0; i < work.size(); i += IDS_PER_MESSAGE) {
                ops.send("", queue, message(work.subList(i, Math.min(work.size(), i + IDS_PER_MESSAGE))));
            }
            if (confirmed) {
                ops.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
            }
            return null;
        });
        Map<Integer, List<Long>> rowsByAttempts = work.stream().filter(w -> !w.batch()).collect(Collectors.groupingBy(
                Work::attempts, TreeMap::new, Collectors.mapping(Work::id, Collectors.toList())));
        List<Long> batches = work.stream().filter(Work::batch).map(Work::id).toList();
        ownTransaction.executeWithoutResult(status -> {
            rowsByAttempts.forEach((attempts, ids) -> jdbc.update("UPDATE notify_delivery SET dispatched = TRUE WHERE "
                    + "status = 'QUEUED' AND dispatched = FALSE AND attempts = ? AND id IN (" + joined(ids) + ")",
                    attempts));
            if (!batches.isEmpty()) {
                jdbc.update("UPDATE notify_batch SET dispatched = TRUE WHERE status = 'QUEUED' AND id IN ("
                        + joined(batches) + ")");
            }
        });
    }

    private static String joined(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static Message message(List<Work> work) {
        MessageProperties props = new MessageProperties();
        props.setContentType(MessageProperties.CONTENT_TYPE_TEXT_PLAIN);
        props.setContentEncoding(StandardCharsets.US_ASCII.name());
        props.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        List<String> ids = new ArrayList<>(work.size());
        work.forEach(w -> ids.add((w.batch() ? "b" : "") + w.id()));
        return new Message(String.join(",", ids).getBytes(StandardCharsets.US_ASCII), props);
    }

    /** What an AMQP message of {@link #message} names: delivery rows ({@code 12}) and batches ({@code b34}). */
    static List<Work> work(Message message) {
        String body = new String(message.getBody(), StandardCharsets.US_ASCII).strip();
        List<Work> work = new ArrayList<>();
        if (!body.isEmpty()) {
            for (String id : body.split(",")) {
                String ref = id.strip();
                boolean batch = ref.startsWith("b");
                work.add(new Work(Long.parseLong(batch ? ref.substring(1) : ref), batch, -1, 0));
            }
        }
        return work;
    }

    /** A delivery row or a fan-out batch, to pass on. */
    record Work(long id, boolean batch, int lane, int attempts) {
        static final RowMapper<Work> MAPPER = (rs, n) -> new Work(rs.getLong("id"), rs.getBoolean("batch"),
                rs.getInt("lane"), rs.getInt("attempts"));
    }
}
