package gongkai.emergency;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A ledger entry to record, as the API and the back-office form send it.
 *
 * @param category      {@code money} or {@code goods}; a reversal takes the category of the entry it reverses
 * @param amount        yuan for money (two decimals at most)
 * @param quantity      for goods, with {@code item} and {@code unit}
 * @param source        the donor of a receipt; blank = anonymous
 * @param recipientKind {@code PERSON} for a natural person (masked on public output) or {@code ORGANISATION}
 */
public record NewDonationEntry(String kind, String category, BigDecimal amount, String item, BigDecimal quantity,
        String unit, String source, String purpose, String recipient, String recipientKind, LocalDate date,
        Long reverses) {
}
