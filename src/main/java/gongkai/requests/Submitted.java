package gongkai.requests;

import java.time.LocalDate;

/**
 * The answer to a new request: its tracking number and the private query code that opens it (shown once; only its
 * hash is kept), the date of receipt and the due date.
 *
 * @param dueCovered whether the due date rests on published holiday notices only (else it may still move)
 */
public record Submitted(String trackingNo, String code, LocalDate receivedOn, LocalDate dueOn, boolean dueCovered) {
}
