package gongkai.web.internal;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogItem;
import gongkai.ledger.EntriesAppended;
import gongkai.ledger.LedgerEntry;
import gongkai.publishing.RecordPublished;
import gongkai.publishing.RecordRevised;
import gongkai.publishing.RecordWithdrawn;
import gongkai.publishing.Records;
import gongkai.region.Region;
import gongkai.region.Regions;
import gongkai.shared.AuditedChange;
import gongkai.shared.PublicPagesChanged;

/**
 * Turns the changes the platform makes into the public pages they make stale, and has every node drop them.
 *
 * <p>The tags a transaction collects are written as one row of {@link PageInvalidationLog} just before it commits,
 * in it, so the row exists exactly when the change does; right after the commit this node drops the pages itself,
 * and the other nodes find the row when they next poll ({@link PageInvalidationPoller}). A change made outside a
 * transaction writes its row and drops its pages at once.
 *
 * <p>What a change touches: a publication, revision or withdrawal the home page, the record lists, its field, item,
 * organisation and region (and the regions above it), the record's own page, and the pages of the records linked to
 * it (a policy and its interpretations); a revision also the item and region of the version it replaced; a ledger
 * entry the record's page (its 核验 section); any other audited change to a record that record's page; audited
 * changes that no public page shows (accounts, residents, requests, the forbidden words, the calendar, the search
 * index) nothing; every other audited change — catalogue amendments, organisations' contacts and renames,
 * regions — every page, as such changes are rare and show on many pages. A node that starts (with reference files
 * perhaps newer than the others') also has every page dropped.
 */
final class PageInvalidations {

    /** Audited changes that show on no page kept in the cache. */
    private static final Set<String> UNSEEN_TARGETS = Set.of("user", "api-token", "resident", "info-request",
            "forbidden-word", "calendar-day", "search-index");

    private final PageCache cache;
    private final PageInvalidationLog log;
    private final PageInvalidationPoller poller;
    private final Catalog catalog;
    private final Regions regions;
    private final Records records;
    private final TransactionTemplate ownTransaction;

    PageInvalidations(PageCache cache, PageInvalidationLog log, PageInvalidationPoller poller, Catalog catalog,
            Regions regions, Records records, PlatformTransactionManager transactions) {
        this.cache = cache;
        this.log = log;
        this.poller = poller;
        this.catalog = catalog;
        this.regions = regions;
        this.records = records;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    void on(RecordPublished e) {
        changed(recordTags(e.indexNo(), e.catalogItem(), e.org(), e.region()));
    }

    @EventListener
    void on(RecordRevised e) {
        Set<String> tags = recordTags(e.indexNo(), e.catalogItem(), e.org(), e.region());
        // A revision may move the record to another item or region, whose pages listed it until now.
        records.publishedContent(e.indexNo(), e.version() - 1).map(c -> c.content()).ifPresent(before -> tags.addAll(
                recordTags(e.indexNo(), text(before, "catalogItem"), text(before, "org"), text(before, "region"))));
        changed(tags);
    }

    @EventListener
    void on(RecordWithdrawn e) {
        changed(recordTags(e.indexNo(), e.catalogItem(), e.org(), e.region()));
    }

    @EventListener
    void on(EntriesAppended e) {
        Set<String> tags = new LinkedHashSet<>();
        e.indexNos().stream().filter(n -> !n.startsWith(LedgerEntry.CATALOG_PREFIX))
                .forEach(n -> tags.add(PublicPagesChanged.record(n)));
        changed(tags);
    }

    @EventListener
    void on(AuditedChange e) {
        if (UNSEEN_TARGETS.contains(e.targetType())) {
            return;
        }
        if ("record".equals(e.targetType())) {
            // A draft (its key, "draft-N") has no public page.
            if (!e.targetId().startsWith("draft-")) {
                changed(Set.of(PublicPagesChanged.record(e.targetId())));
            }
            return;
        }
        changed(Set.of(PublicPagesChanged.EVERYTHING));
    }

    @EventListener
    void on(PublicPagesChanged e) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : e.tags()) {
            if (tag.startsWith("region:")) {
                tags.addAll(regionTags(tag.substring("region:".length())));
            } else {
                tags.add(tag);
            }
        }
        changed(tags);
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        changed(Set.of(PublicPagesChanged.EVERYTHING));
    }

    private Set<String> recordTags(String indexNo, String item, String org, String region) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(PublicPagesChanged.HOME);
        tags.add(PublicPagesChanged.RECORD_LISTS);
        tags.add(PublicPagesChanged.record(indexNo));
        records.linkedIndexNumbers(indexNo).forEach(n -> tags.add(PublicPagesChanged.record(n)));
        if (item != null) {
            tags.add(PublicPagesChanged.item(item));
            catalog.item(item).map(CatalogItem::domainCode).ifPresent(d -> tags.add(PublicPagesChanged.domain(d)));
        }
        if (org != null) {
            tags.add(PublicPagesChanged.org(org));
        }
        if (region != null) {
            tags.addAll(regionTags(region));
        }
        return tags;
    }

    /** A region's page lists what is below it: the region and every region above it. */
    private Set<String> regionTags(String code) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(PublicPagesChanged.region(code));
        for (Region r : regions.path(code)) {
            tags.add(PublicPagesChanged.region(r.code()));
        }
        return tags;
    }

    private static String text(Map<String, Object> content, String key) {
        Object v = content.get(key);
        return v == null ? null : v.toString();
    }

    private void changed(Set<String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
                if (s instanceof Batch batch && batch.owner() == this && batch.open()) {
                    batch.tags.addAll(tags);
                    return;
                }
            }
            Batch batch = new Batch();
            batch.tags.addAll(tags);
            TransactionSynchronizationManager.registerSynchronization(batch);
            return;
        }
        long id = ownTransaction.execute(s -> log.append(tags, Instant.now()));
        dropHere(tags, id);
    }

    private void dropHere(Set<String> tags, long id) {
        poller.appliedHere(id);
        cache.invalidate(tags);
    }

    /** The tags of one transaction: one row before it commits, dropped here after. */
    private final class Batch implements TransactionSynchronization {

        final Set<String> tags = new LinkedHashSet<>();
        private boolean written;
        private long id;

        PageInvalidations owner() {
            return PageInvalidations.this;
        }

        /** Still taking tags: its row is not written yet. */
        boolean open() {
            return !written;
        }

        @Override
        public int getOrder() {
            // After every other synchronization of the commit, which may still publish changes.
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!readOnly) {
                id = log.append(tags, Instant.now());
                written = true;
            }
        }

        @Override
        public void afterCommit() {
            if (!written) {
                // Registered too late for beforeCommit (or in a read-only transaction): written just after.
                written = true;
                id = ownTransaction.execute(s -> log.append(tags, Instant.now()));
            }
            dropHere(tags, id);
        }
    }
}
