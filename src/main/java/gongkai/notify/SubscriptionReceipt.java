package gongkai.notify;

/**
 * What the subscriber is told after asking: the subscription waits for confirmation through its channel.
 *
 * @param id        the subscription's number, which an SMS code is entered against
 * @param channel   the channel
 * @param masked    the address as shown back (never in full)
 * @param confirmBy LINK (e-mail, WeChat, webhook: a link in the confirmation message) or CODE (SMS: a six-digit code)
 * @param message   what to do next, in Chinese
 */
public record SubscriptionReceipt(long id, ChannelKind channel, String masked, String confirmBy, String message) {
}
