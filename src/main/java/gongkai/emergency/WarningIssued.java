package gongkai.emergency;

/**
 * A warning message went out: an Alert, an Update or a Cancel (lifting it). Committed with it; push (module notify)
 * sends it to everyone subscribed to its areas on the priority lane. Read the message with {@link Warnings#get}.
 */
public record WarningIssued(long id) {
}
