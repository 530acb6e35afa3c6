package gongkai.notify.internal.channel;

import java.util.Map;

import gongkai.notify.ChannelKind;

/**
 * One message to one address, as a channel sends it. Carries no personal data beyond the address itself: the texts
 * are composed for everyone the message goes to.
 *
 * @param deliveryKey    stable across retries and restarts (a delivery's id and message key), so that a receiver can
 *                       drop a repeat: the e-mail's Message-ID, the webhook's {@code X-Gongkai-Delivery}
 * @param channel        the channel
 * @param address        e-mail address, mobile number, WeChat openid or webhook URL
 * @param secret         the webhook's signing secret; null for the other channels
 * @param kind           what the message is about, one of {@link MessageKinds}; picks the SMS and WeChat template
 * @param subject        a one-line title (e-mail subject, WeChat first line)
 * @param text           the full plain text, unsubscribe line included where there is one
 * @param link           where to read more on the portal (absolute URL); may be null
 * @param unsubscribeUrl the one-click unsubscribe address (absolute URL); null for messages no one subscribed to
 *                       (confirmations, notices to applicants)
 * @param fields         the message's named values in a stable order (title, org, code, url …): SMS template
 *                       parameters, WeChat template keywords, the webhook's JSON
 */
public record Outgoing(String deliveryKey, ChannelKind channel, String address, String secret, String kind,
        String subject, String text, String link, String unsubscribeUrl, Map<String, String> fields) {
}
