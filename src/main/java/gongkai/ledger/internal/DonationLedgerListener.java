package gongkai.ledger.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import gongkai.emergency.DonationEntryRecorded;
import gongkai.ledger.LedgerEntry;
import gongkai.ledger.LedgerEntry.Action;

/**
 * Appends one entry per relief-donation ledger entry ({@code donation/<campaign>/<entry>}, version 1, the SHA-256 of
 * its public content), after the entry has committed, in a transaction of its own; like {@link LedgerListener}, a
 * second delivery adds nothing.
 */
@Component
class DonationLedgerListener {

    private final LedgerWriter writer;

    DonationLedgerListener(LedgerWriter writer) {
        this.writer = writer;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(DonationEntryRecorded event) {
        writer.append(List.of(LedgerWriter.Pending.of(new LedgerEntry(Action.DONATION,
                LedgerEntry.DONATION_PREFIX + event.campaignId() + "/" + event.entryId(), 1, event.contentSha256(),
                event.at()))));
    }
}
