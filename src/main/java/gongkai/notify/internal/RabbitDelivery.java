package gongkai.notify.internal;

import java.time.Clock;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deliveries through RabbitMQ ({@code gongkai.notify.delivery.broker=rabbitmq}), for when one machine is not
 * enough: the rows stay the truth in {@code notify_delivery}, and RabbitMQ only tells the nodes which ones to send.
 * Two durable queues, one per lane; every node publishes the deliveries it queued ({@link RabbitDispatch}) and
 * consumes from both queues: one consumer for the priority lane and {@code workers} for the normal one, as the
 * database senders would be. Spring Boot's {@code spring.rabbitmq.*} says where the broker is; its RabbitAdmin
 * declares the queues.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gongkai.notify.delivery.broker", havingValue = "rabbitmq")
class RabbitDelivery {

    @Bean
    Queue notifyPriorityQueue(RabbitSettings settings) {
        return QueueBuilder.durable(settings.queue(MessageDraft.PRIORITY)).build();
    }

    @Bean
    Queue notifyNormalQueue(RabbitSettings settings) {
        return QueueBuilder.durable(settings.queue(MessageDraft.NORMAL)).build();
    }

    @Bean
    RabbitDispatch rabbitDispatch(JdbcTemplate jdbc, RabbitTemplate rabbit, PlatformTransactionManager transactions,
            Clock clock, RabbitSettings settings, DeliveryProperties properties) {
        TransactionTemplate own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new RabbitDispatch(jdbc, rabbit, own, clock, settings, properties);
    }

    @Bean
    SimpleMessageListenerContainer notifyPriorityConsumers(ConnectionFactory connections, AmqpAdmin admin,
            RabbitSettings settings, DeliverySender sender, Lanes lanes, DeliveryProperties properties) {
        return consumers(connections, admin, settings, MessageDraft.PRIORITY, 1, sender, lanes, properties);
    }

    @Bean
    SimpleMessageListenerContainer notifyNormalConsumers(ConnectionFactory connections, AmqpAdmin admin,
            RabbitSettings settings, DeliverySender sender, Lanes lanes, DeliveryProperties properties) {
        return consumers(connections, admin, settings, MessageDraft.NORMAL, properties.workers(), sender, lanes,
                properties);
    }

    private static SimpleMessageListenerContainer consumers(ConnectionFactory connections, AmqpAdmin admin,
            RabbitSettings settings, int lane, int count, DeliverySender sender, Lanes lanes,
            DeliveryProperties properties) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
        container.setQueueNames(settings.queue(lane));
        container.setConcurrentConsumers(count);
        // A message names a hundred deliveries: one at a time per consumer leaves the rest to the other nodes
        container.setPrefetchCount(1);
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setDefaultRequeueRejected(true);
        // A queue deleted under a running node is declared again rather than stopping its consumers for good
        container.setAmqpAdmin(admin);
        container.setMissingQueuesFatal(false);
        // A node kept for pages only (gongkai.notify.delivery.enabled=false) consumes nothing
        container.setAutoStartup(properties.enabled());
        RabbitConsumer consumer = new RabbitConsumer(lane, sender, lanes, properties);
        consumer.activeWhile(container::isActive);
        container.setMessageListener(consumer);
        return container;
    }
}
