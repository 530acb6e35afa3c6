package gongkai.notify.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This node's share of the work: one fan-out thread per lane, and, unless a broker distributes the deliveries, one
 * sending thread for the priority lane and {@code workers} for the normal one, all polling the database. The
 * normal lane's senders stand aside while the priority lane has work. Stopping lets each thread finish the message
 * in hand and gives back what it had claimed.
 */
@Component
class DeliveryThreads implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryThreads.class);

    private final Fanout fanout;
    private final DeliverySender sender;
    private final Lanes lanes;
    private final DeliveryProperties properties;
    private final String node = "node-" + UUID.randomUUID();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    DeliveryThreads(Fanout fanout, DeliverySender sender, Lanes lanes, DeliveryProperties properties) {
        this.fanout = fanout;
        this.sender = sender;
        this.lanes = lanes;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (running || !properties.enabled()) {
            return;
        }
        running = true;
        for (int lane : new int[] {MessageDraft.PRIORITY, MessageDraft.NORMAL}) {
            threads.add(thread("notify-fanout-" + lane, () -> fanoutLoop(lane)));
        }
        if (!properties.rabbit()) {
            threads.add(thread("notify-send-0", () -> sendLoop(MessageDraft.PRIORITY)));
            for (int i = 1; i <= properties.workers(); i++) {
                threads.add(thread("notify-send-1-" + i, () -> sendLoop(MessageDraft.NORMAL)));
            }
        }
        threads.forEach(Thread::start);
    }

    private static Thread thread(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public synchronized void stop() {
        running = false;
        for (int lane : new int[] {0, 1}) {
            lanes.fanoutSignal(lane).signal();
            lanes.sendingSignal(lane).signal();
        }
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the database pool and the channels go away. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private void fanoutLoop(int lane) {
        String owner = node + "-fanout-" + lane;
        while (running) {
            try {
                Optional<Long> message = fanout.claimNext(lane, owner);
                if (message.isEmpty()) {
                    lanes.fanoutSignal(lane).await(properties.pollInterval());
                    continue;
                }
                if (lane == MessageDraft.PRIORITY) {
                    lanes.priorityWorking(true);
                }
                try {
                    boolean done = false;
                    while (running && !done) {
                        done = fanout.step(message.get(), owner);
                        lanes.deliveriesWaiting(lane, message.get());
                    }
                } finally {
                    if (lane == MessageDraft.PRIORITY) {
                        lanes.priorityWorking(false);
                    }
                }
            } catch (RuntimeException e) {
                pause("fan-out", e);
            }
        }
    }

    /**
     * A sending thread. The priority lane's holds the normal lane back from the moment it finds work until it finds
     * its queue empty, not only while it sends: a warning's deliveries come in many small pieces (a batch per range of
     * subscriptions), and the normal senders would otherwise slip a message in between each two.
     */
    private void sendLoop(int lane) {
        String claim = node + "-" + Thread.currentThread().getName();
        boolean holding = false;
        try {
            while (running) {
                try {
                    if (lane == MessageDraft.NORMAL && lanes.priorityActive()) {
                        lanes.sendingSignal(lane).await(java.time.Duration.ofMillis(20));
                        continue;
                    }
                    List<Long> claimed = sender.claim(lane, properties.batch(), claim);
                    if (claimed.isEmpty()) {
                        holding = hold(lane, holding, false);
                        lanes.sendingSignal(lane).await(properties.pollInterval());
                        continue;
                    }
                    holding = hold(lane, holding, true);
                    try {
                        for (long id : claimed) {
                            if (!running || (lane == MessageDraft.NORMAL && lanes.priorityActive())) {
                                break;
                            }
                            sender.send(id, claim);
                        }
                    } finally {
                        sender.release(claim);
                    }
                } catch (RuntimeException e) {
                    holding = hold(lane, holding, false);
                    pause("sending", e);
                }
            }
        } finally {
            hold(lane, holding, false);
        }
    }

    /** The priority lane's sender starts or stops holding the normal lane back; answers whether it holds now. */
    private boolean hold(int lane, boolean holding, boolean hold) {
        if (lane == MessageDraft.PRIORITY && holding != hold) {
            lanes.priorityWorking(hold);
        }
        return lane == MessageDraft.PRIORITY && hold;
    }

    private void pause(String what, RuntimeException e) {
        if (!running) {
            return;
        }
        log.warn("Notify {} failed, trying again shortly: {}", what, e.toString());
        try {
            Thread.sleep(properties.pollInterval().toMillis());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    /** Claims of senders on nodes that died go back to the queue. */
    @Scheduled(fixedDelayString = "${gongkai.notify.delivery.reclaim-every:60s}")
    void reclaim() {
        int back = sender.reclaimStale();
        if (back > 0) {
            log.warn("Gave back {} deliveries claimed by a sender that stopped without finishing", back);
        }
    }
}
