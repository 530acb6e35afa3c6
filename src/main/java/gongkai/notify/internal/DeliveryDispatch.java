package gongkai.notify.internal;

/**
 * Gets queued deliveries to a sender when a broker does the distributing (RabbitMQ): called after the deliveries of
 * a message were committed. Without a broker no bean implements it, and every node's sending threads poll the queue
 * table themselves.
 */
public interface DeliveryDispatch {

    /** Deliveries of message {@code messageId} on {@code lane} were committed as QUEUED; pass on those not yet passed. */
    void queued(int lane, long messageId);
}
