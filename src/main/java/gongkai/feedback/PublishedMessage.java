package gongkai.feedback;

import java.time.LocalDate;

/**
 * A published question and its answer as the public reads them: the text the body's review released (masked where
 * it held personal data), never the asker's name or contact.
 */
public record PublishedMessage(String trackingNo, String orgCode, String orgName, String subject, String question,
        String answer, LocalDate receivedOn, LocalDate answeredOn, String faqItem, boolean demo) {
}
