package gongkai.notify.internal;

/**
 * A token bucket per channel on this node: at most {@code perSecond} sends a second on average, bursts up to one
 * second's worth. Senders wait for their turn rather than fail.
 */
final class RateLimiter {

    private final double perSecond;
    private final double capacity;
    private double tokens;
    private long last;

    RateLimiter(double perSecond) {
        this.perSecond = perSecond;
        this.capacity = Math.max(1, perSecond);
        this.tokens = capacity;
        this.last = System.nanoTime();
    }

    /** Waits until a send may go; false when interrupted. */
    boolean acquire() {
        while (true) {
            long waitNanos;
            synchronized (this) {
                long now = System.nanoTime();
                tokens = Math.min(capacity, tokens + (now - last) / 1e9 * perSecond);
                last = now;
                if (tokens >= 1) {
                    tokens -= 1;
                    return true;
                }
                waitNanos = (long) ((1 - tokens) / perSecond * 1e9);
            }
            try {
                Thread.sleep(Math.max(1, waitNanos / 1_000_000), (int) (waitNanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
