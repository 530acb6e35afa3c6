package gongkai.notify.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import gongkai.notify.ChannelKind;

/**
 * How deliveries are queued and sent ({@code gongkai.notify.delivery.*}).
 *
 * @param broker        {@code database} (the embedded default: every node polls the queue table) or {@code rabbitmq}
 *                      (the nodes consume delivery numbers from RabbitMQ, {@code spring.rabbitmq.*})
 * @param enabled       whether this node sends at all (a node may be kept for pages only)
 * @param workers       sending threads of the normal lane on this node; the priority lane has its own
 * @param batch         deliveries a sending thread claims at a time, and matched subscriptions a fan-out writes to one
 *                      batch (at most 500)
 * @param pollInterval  how long an idle thread waits before looking again (a new message wakes it at once)
 * @param fanoutChunk   subscriptions matched per transaction when a message fans out
 * @param maxAttempts   attempts before a delivery that keeps failing for a passing reason is given up
 * @param firstRetry    wait before the second attempt; doubled for each further one, up to {@code maxRetry}
 * @param bounceLimit   permanent refusals in a row after which an address gets nothing more
 * @param claimTimeout  a claim older than this (its node died mid-send) is given back to the queue
 * @param ratePerSecond messages per second per channel on this node
 * @param digestCron    when the daily digests go out (Beijing time)
 */
@ConfigurationProperties("gongkai.notify.delivery")
public record DeliveryProperties(@DefaultValue("database") String broker, @DefaultValue("true") boolean enabled,
        @DefaultValue("2") int workers, @DefaultValue("50") int batch, @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("20000") int fanoutChunk, @DefaultValue("8") int maxAttempts,
        @DefaultValue("30s") Duration firstRetry, @DefaultValue("1h") Duration maxRetry,
        @DefaultValue("3") int bounceLimit, @DefaultValue("5m") Duration claimTimeout,
        Map<ChannelKind, Double> ratePerSecond, @DefaultValue("0 0 18 * * *") String digestCron) {

    private static final Map<ChannelKind, Double> DEFAULT_RATES = Map.of(ChannelKind.EMAIL, 20.0,
            ChannelKind.SMS, 20.0, ChannelKind.WECHAT, 50.0, ChannelKind.WEBHOOK, 50.0);

    public DeliveryProperties {
        if (!"database".equals(broker) && !"rabbitmq".equals(broker)) {
            throw new IllegalArgumentException("gongkai.notify.delivery.broker must be database or rabbitmq, not "
                    + broker);
        }
        if (workers < 1 || batch < 1 || fanoutChunk < 1 || maxAttempts < 1 || bounceLimit < 1) {
            throw new IllegalArgumentException("gongkai.notify.delivery: workers, batch, fanout-chunk, max-attempts "
                    + "and bounce-limit must be at least 1");
        }
        if (batch > 500) {
            throw new IllegalArgumentException("gongkai.notify.delivery.batch must be at most 500, not " + batch);
        }
        Map<ChannelKind, Double> rates = new EnumMap<>(DEFAULT_RATES);
        if (ratePerSecond != null) {
            rates.putAll(ratePerSecond);
        }
        rates.values().forEach(r -> {
            if (r <= 0) {
                throw new IllegalArgumentException("gongkai.notify.delivery.rate-per-second must be positive");
            }
        });
        ratePerSecond = Map.copyOf(rates);
    }

    public boolean rabbit() {
        return "rabbitmq".equals(broker);
    }

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} failed ones. */
    public Duration backoff(int attempt) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
