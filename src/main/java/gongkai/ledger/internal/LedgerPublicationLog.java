package gongkai.ledger.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import gongkai.publishing.PublicationLog;

/** The ledger as publishing sees it: a version's newest entry, for the record page and the record's JSON. */
@Component
class LedgerPublicationLog implements PublicationLog {

    private final LedgerStore store;

    LedgerPublicationLog(LedgerStore store) {
        this.store = store;
    }

    @Override
    public Optional<Entry> entryFor(String indexNo, int version) {
        return store.latestFor(indexNo, version).map(l -> new Entry(l.entry(), l.leafIndex(), l.leafHash()));
    }
}
