package gongkai.notify.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deliveries through RabbitMQ ({@code gongkai.notify.delivery.rabbit-*}, read only when the broker is
 * {@code rabbitmq}; the connection itself is Spring Boot's {@code spring.rabbitmq.*}).
 *
 * @param rabbitPrefix     the queues are {@code <prefix>.priority} and {@code <prefix>.normal}; every node of one
 *                         platform uses the same prefix
 * @param rabbitSweepEvery how often a node passes on deliveries that are due and were not passed on (retries, and
 *                         publishes lost when a node died between its commit and its publish)
 * @param rabbitSweepGrace how old a never-tried delivery must be before the sweeper takes it, so that it does not race
 *                         the node that has just queued it
 */
@ConfigurationProperties("gongkai.notify.delivery")
record RabbitSettings(@DefaultValue("gongkai.notify") String rabbitPrefix,
        @DefaultValue("10s") Duration rabbitSweepEvery, @DefaultValue("30s") Duration rabbitSweepGrace) {

    RabbitSettings {
        // RabbitMQ refuses names over 255 bytes and reserves the amq. prefix
        if (rabbitPrefix == null || !rabbitPrefix.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,200}")
                || rabbitPrefix.startsWith("amq.")) {
            throw new IllegalArgumentException("gongkai.notify.delivery.rabbit-prefix must be letters, digits and "
                    + "._:- (not starting with amq.), not " + rabbitPrefix);
        }
        if (rabbitSweepEvery.isNegative() || rabbitSweepEvery.isZero() || rabbitSweepGrace.isNegative()) {
            throw new IllegalArgumentException("gongkai.notify.delivery.rabbit-sweep-every must be positive and "
                    + "rabbit-sweep-grace not negative");
        }
    }

    /** The queue of a lane. */
    String queue(int lane) {
        return rabbitPrefix + (lane == MessageDraft.PRIORITY ? ".priority" : ".normal");
    }
}
