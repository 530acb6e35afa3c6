package gongkai.emergency;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import gongkai.privacy.Masking;

/**
 * One entry of a campaign's ledger (捐赠台账条目), as stored; never changed once written.
 *
 * @param recipientPerson whether the recipient is a natural person, whose name is masked on public output
 */
public record DonationEntry(long id, long campaignId, EntryKind kind, DonationCategory category, BigDecimal amount,
        String source, String purpose, String recipient, boolean recipientPerson, LocalDate date, Long reverses,
        String receiptNo, Instant recordedAt) {

    /** The recipient as the public may see it. */
    public String publicRecipient() {
        if (recipient == null) {
            return null;
        }
        return recipientPerson ? Masking.name(recipient) : recipient;
    }

    /** The donor as the public sees it: 匿名 for an anonymous one. */
    public String publicSource() {
        if (kind != EntryKind.RECEIPT) {
            return source;
        }
        return source == null || source.isBlank() ? "匿名" : source;
    }

    public String amountText() {
        return category.format(amount);
    }
}
