package gongkai.ledger.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogItem;
import gongkai.ledger.LedgerEntry;
import gongkai.ledger.LedgerEntry.Action;
import gongkai.publishing.PublicationState;
import gongkai.publishing.PublishedContent;
import gongkai.publishing.Records;

/**
 * At start: a head signed with the current key (the empty tree's at the very first start), an entry for each
 * catalogue item not logged yet, and — once, when the
 * log is still empty but records were published before it existed — an entry for each of their versions and
 * withdrawals, so the log covers everything public from then on. The entries keep the original times in
 * {@code at}; the heads show when they were logged.
 */
@Component
class LedgerStartup {

    private static final Logger log = LoggerFactory.getLogger(LedgerStartup.class);
    private static final int PAGE = 500;

    private final LedgerWriter writer;
    private final LedgerStore store;
    private final Records records;
    private final Catalog catalog;
    private final Clock clock;

    LedgerStartup(LedgerWriter writer, LedgerStore store, Records records, Catalog catalog, Clock clock) {
        this.writer = writer;
        this.store = store;
        this.records = records;
        this.catalog = catalog;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        writer.ensureHead();
        if (store.size() == 0) {
            adoptPublishedRecords();
        }
        logNewCatalogItems();
    }

    /**
     * Catalogue items that have no entry yet — all of them at the first start, later those the reference files
     * added — are logged as they stand, so that every amendment afterwards has a logged state to follow.
     */
    private void logNewCatalogItems() {
        Instant now = Instant.now(clock);
        Set<String> logged = new HashSet<>(store.catalogIndexNumbers());
        List<LedgerWriter.Pending> pending = new ArrayList<>();
        for (CatalogItem item : catalog.items()) {
            String indexNo = LedgerEntry.CATALOG_PREFIX + item.code();
            if (!logged.contains(indexNo)) {
                pending.add(new LedgerWriter.Pending(Action.CATALOG + "|" + indexNo + "|1",
                        new LedgerEntry(Action.CATALOG, indexNo, 1, item.contentSha256(), now)));
            }
        }
        if (!pending.isEmpty()) {
            writer.append(pending);
            log.info("Ledger: logged the state of {} catalogue items not logged before", pending.size());
        }
    }

    private void adoptPublishedRecords() {
        long after = 0;
        long appended = 0;
        List<PublicationState> page;
        do {
            page = records.publicationStates(after, PAGE);
            List<LedgerWriter.Pending> pending = new ArrayList<>();
            for (PublicationState state : page) {
                pending.addAll(history(state));
                after = state.recordId();
            }
            if (!pending.isEmpty()) {
                writer.append(pending);
                appended += pending.size();
            }
        } while (page.size() == PAGE);
        if (appended > 0) {
            log.info("Ledger: logged {} versions and withdrawals of records published before the log existed",
                    appended);
        }
    }

    private List<LedgerWriter.Pending> history(PublicationState state) {
        List<LedgerWriter.Pending> entries = new ArrayList<>();
        String withdrawnSha = null;
        for (int v = 1; v <= state.version(); v++) {
            PublishedContent c = records.publishedContent(state.indexNo(), v).orElse(null);
            if (c == null) {
                // The self-check will report the version as missing; the start goes on.
                log.warn("Ledger: record {} has no stored version {}; not logged", state.indexNo(), v);
                continue;
            }
            entries.add(LedgerWriter.Pending.of(new LedgerEntry(v == 1 ? Action.PUBLISH : Action.REVISE,
                    state.indexNo(), v, c.sha256(), c.publishedAt())));
            withdrawnSha = c.sha256();
        }
        if (state.withdrawn() && withdrawnSha != null) {
            entries.add(LedgerWriter.Pending.of(new LedgerEntry(Action.WITHDRAW, state.indexNo(), state.version(),
                    withdrawnSha, state.changedAt())));
        }
        return entries;
    }
}
