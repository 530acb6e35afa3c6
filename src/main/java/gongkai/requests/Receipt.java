package gongkai.requests;

import java.time.LocalDate;

/**
 * How and when staff received a request that did not come through the platform (art. 31).
 *
 * @param channel     a {@link ReceiptChannel} that staff enter
 * @param arrivedOn   the day it was handed in, signed for, or arrived
 * @param confirmedOn for an ordinary letter or a fax, the day the office confirmed it with the applicant — the date
 *                    of receipt
 */
public record Receipt(String channel, LocalDate arrivedOn, LocalDate confirmedOn) {
}
