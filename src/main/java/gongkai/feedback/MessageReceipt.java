package gongkai.feedback;

import java.time.LocalDate;

/**
 * What the asker keeps of a new question: its tracking number and the private code (shown this once, only its digest
 * is stored), the day of receipt and the day the answer is due.
 *
 * @param dueCovered whether the due date rests on published holiday notices only (else it may still move)
 */
public record MessageReceipt(String trackingNo, String code, LocalDate receivedOn, LocalDate dueOn,
        boolean dueCovered) {
}
