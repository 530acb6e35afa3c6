package gongkai.notify.internal.channel;

/**
 * What became of one attempt: sent; worth trying again later (a timeout, a 5xx, a gateway busy); or refused for good
 * (no such mailbox, an unknown number, a follower who left, a 4xx from a webhook), which counts as a bounce.
 *
 * @param detail a short English reason for the log and the delivery row; null when sent
 */
public record SendOutcome(Status status, String detail) {

    public enum Status {
        SENT, RETRY, PERMANENT
    }

    public static SendOutcome sent() {
        return new SendOutcome(Status.SENT, null);
    }

    public static SendOutcome retry(String detail) {
        return new SendOutcome(Status.RETRY, detail);
    }

    public static SendOutcome permanent(String detail) {
        return new SendOutcome(Status.PERMANENT, detail);
    }
}
