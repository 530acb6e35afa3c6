package gongkai.ledger.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import gongkai.catalog.CatalogItemChanged;
import gongkai.ledger.LedgerEntry;
import gongkai.ledger.LedgerEntry.Action;
import gongkai.publishing.PublishedContent;
import gongkai.publishing.RecordPublished;
import gongkai.publishing.RecordRevised;
import gongkai.publishing.RecordWithdrawn;
import gongkai.publishing.Records;

/**
 * Appends one entry per publication, revision, withdrawal and catalogue amendment. Runs after the change has
 * committed, in a transaction of its own; the event publication registry re-delivers an event whose handling did
 * not complete, and the entry's source key makes a second delivery add nothing.
 */
@Component
public class LedgerListener {

    private final LedgerWriter writer;
    private final LedgerStore store;
    private final Records records;

    LedgerListener(LedgerWriter writer, LedgerStore store, Records records) {
        this.writer = writer;
        this.store = store;
        this.records = records;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(RecordPublished event) {
        append(new LedgerEntry(Action.PUBLISH, event.indexNo(), event.version(), event.contentSha256(), event.at()));
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(RecordRevised event) {
        append(new LedgerEntry(Action.REVISE, event.indexNo(), event.version(), event.contentSha256(), event.at()));
    }

    /**
     * A withdrawal logs the hash of the version withdrawn: as logged at its publication, or, for a version published
     * before the log existed, as its content is now.
     */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(RecordWithdrawn event) {
        String sha = store.latestFor(event.indexNo(), event.version())
                .map(l -> LedgerEntry.parse(l.entry()).contentSha256())
                .or(() -> records.publishedContent(event.indexNo(), event.version()).map(PublishedContent::sha256))
                .orElseThrow(() -> new IllegalStateException("Withdrawn record " + event.indexNo() + " has no version "
                        + event.version()));
        append(new LedgerEntry(Action.WITHDRAW, event.indexNo(), event.version(), sha, event.at()));
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(CatalogItemChanged event) {
        writer.appendCatalogChange(event.code(), event.contentSha256(), event.at());
    }

    private void append(LedgerEntry entry) {
        writer.append(List.of(LedgerWriter.Pending.of(entry)));
    }
}
