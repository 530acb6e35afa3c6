package gongkai.notify.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The two lanes of this node: the priority lane (warnings, confirmations) and the normal one. Threads of a lane wait
 * on its signals when idle and are woken when work is committed; while the priority lane has work, the normal lane's
 * senders stand aside, so that no backlog of record notices delays a warning.
 */
@Component
class Lanes {

    private final Signal[] fanout = {new Signal(), new Signal()};
    private final Signal[] sending = {new Signal(), new Signal()};
    private final AtomicInteger priorityWork = new AtomicInteger();
    private final ObjectProvider<DeliveryDispatch> dispatch;

    Lanes(ObjectProvider<DeliveryDispatch> dispatch) {
        this.dispatch = dispatch;
    }

    void fanoutWaiting(int lane) {
        fanout[lane].signal();
    }

    void deliveriesWaiting(int lane, long messageId) {
        DeliveryDispatch broker = dispatch.getIfAvailable();
        if (broker != null) {
            broker.queued(lane, messageId);
        } else {
            sending[lane].signal();
        }
    }

    Signal fanoutSignal(int lane) {
        return fanout[lane];
    }

    Signal sendingSignal(int lane) {
        return sending[lane];
    }

    /** A thread of the priority lane starts (or ends) a piece of work. */
    void priorityWorking(boolean working) {
        if (working) {
            priorityWork.incrementAndGet();
        } else {
            priorityWork.decrementAndGet();
        }
    }

    boolean priorityActive() {
        return priorityWork.get() > 0;
    }

    /** A wake-up call that is not lost when it comes before the wait. */
    static final class Signal {
        private boolean raised;

        synchronized void signal() {
            raised = true;
            notifyAll();
        }

        /** Waits until signalled or {@code max} has passed; false when interrupted. */
        synchronized boolean await(Duration max) {
            long until = System.nanoTime() + max.toNanos();
            try {
                while (!raised) {
                    long left = until - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            raised = false;
            return true;
        }
    }
}
