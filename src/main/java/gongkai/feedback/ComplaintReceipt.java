package gongkai.feedback;

import java.time.LocalDate;

/**
 * What the complainant keeps: the tracking number, the private code (shown once, only its hash is stored) and the
 * due date of the answer.
 *
 * @param dueCovered false when the due date lies in a year whose holidays are not yet published (it may move)
 */
public record ComplaintReceipt(String trackingNo, String code, LocalDate dueOn, boolean dueCovered) {
}
