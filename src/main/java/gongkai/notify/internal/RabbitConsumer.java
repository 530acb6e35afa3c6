package gongkai.notify.internal;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;

/**
 * Sends the deliveries named by one AMQP message of a lane's queue, each claimed (or its batch taken) first, so that
 * a message handled twice (the broker delivers again what a dead node left unacknowledged) sends nothing twice. The message is
 * acknowledged once all its deliveries were handled; one left half done is given back to the queue. The normal
 * lane's consumers stand aside while this node's priority lane has work, as the database senders do.
 */
class RabbitConsumer implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(RabbitConsumer.class);
    /** Shared by the consumers of this node; a claim names its consumer thread. */
    private static final String NODE = "rabbit-" + UUID.randomUUID().toString().substring(0, 13);

    private final int lane;
    private final DeliverySender sender;
    private final Lanes lanes;
    private final DeliveryProperties properties;
    private volatile BooleanSupplier active = () -> true;

    RabbitConsumer(int lane, DeliverySender sender, Lanes lanes, DeliveryProperties properties) {
        this.lane = lane;
        this.sender = sender;
        this.lanes = lanes;
        this.properties = properties;
    }

    /** Whether the consumer's container still runs; a stopping one gives the rest of its message back. */
    void activeWhile(BooleanSupplier active) {
        this.active = active;
    }

    @Override
    public void onMessage(Message message) {
        List<RabbitDispatch.Work> work;
        try {
            work = RabbitDispatch.work(message);
        } catch (NumberFormatException e) {
            throw new AmqpRejectAndDontRequeueException("Not a list of delivery and batch ids: " + e.getMessage(), e);
        }
        String claim = NODE + "-" + lane + "-" + Thread.currentThread().getId();
        boolean priority = lane == MessageDraft.PRIORITY;
        if (priority) {
            lanes.priorityWorking(true);
        }
        boolean finished = false;
        try {
            for (RabbitDispatch.Work w : work) {
                if (w.batch()) {
                    sendAll(sender.claimBatch(w.id(), claim), claim);
                } else {
                    checkActive();
                    if (sender.claimOne(w.id(), claim)) {
                        send(w.id(), claim);
                    }
                }
            }
            finished = true;
        } catch (RuntimeException e) {
            if (active.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
                log.warn("Notify lane {} consumer failed, the message goes back to the queue: {}", lane, e.toString());
                // the broker hands it out again at once: do not spin while the database is away
                pause(properties.pollInterval());
            }
            throw e;
        } finally {
            if (!finished) {
                // the rest of a batch this consumer did not get to goes back to the queue, for the sweeper to pass on
                sender.release(claim);
            }
            if (priority) {
                lanes.priorityWorking(false);
            }
        }
    }

    private void sendAll(List<Long> claimed, String claim) {
        for (long id : claimed) {
            checkActive();
            send(id, claim);
        }
    }

    private void checkActive() {
        standAside();
        if (!active.getAsBoolean()) {
            throw new IllegalStateException("stopping: the rest of the message goes back to the queue");
        }
    }

    private void send(long id, String claim) {
        sender.send(id, claim);
        if (Thread.currentThread().isInterrupted()) {
            // send gave the delivery back unsent (its rate limit wait was cut short)
            throw new IllegalStateException("interrupted: the rest of the message goes back to the queue");
        }
    }

    private void standAside() {
        if (lane != MessageDraft.NORMAL) {
            return;
        }
        while (lanes.priorityActive() && active.getAsBoolean()) {
            lanes.sendingSignal(MessageDraft.NORMAL).await(Duration.ofMillis(20));
        }
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
