package gongkai.notify.internal.channel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhooks to subscribers' servers ({@code gongkai.notify.webhook.*}).
 *
 * @param timeout               to connect and to wait for the answer
 * @param allowPrivateAddresses whether a webhook may point into the platform's own network (loopback, private,
 *                              link-local …): off, so that a subscriber cannot make the platform call its neighbours;
 *                              on only for a closed intranet or a test
 */
@ConfigurationProperties("gongkai.notify.webhook")
public record NotifyWebhookProperties(@DefaultValue("5s") Duration timeout,
        @DefaultValue("false") boolean allowPrivateAddresses) {
}
