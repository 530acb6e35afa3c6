package gongkai.feedback;

import java.time.LocalDate;

/**
 * A question as its asker follows it with the private code: the answer once the body's review released it, and
 * whether it was published.
 */
public record TrackedMessage(String trackingNo, String orgName, String subject, String question, LocalDate receivedOn,
        LocalDate dueOn, String status, String answer, LocalDate answeredOn, boolean published) {
}
