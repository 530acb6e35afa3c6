package gongkai.notify.internal.channel;

import gongkai.notify.ChannelKind;

/**
 * A way out of the platform. Each implementation talks to one kind of outside system (an SMTP server, an SMS
 * gateway, WeChat's API, a subscriber's web server) and does nothing unless that system is configured.
 * Implementations never throw for a failed send: they answer {@link SendOutcome#retry} or
 * {@link SendOutcome#permanent}.
 */
public interface Channel {

    ChannelKind kind();

    /** Whether the outside system is configured; a channel that is not refuses new subscriptions and sends nothing. */
    boolean configured();

    SendOutcome send(Outgoing message);
}
