package gongkai.opendata.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import gongkai.catalog.Audience;
import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogField;
import gongkai.catalog.CatalogItem;
import gongkai.catalog.FieldType;
import gongkai.catalog.ReportingPeriod;
import gongkai.opendata.DatasetChange;
import gongkai.publishing.PublicVersion;
import gongkai.publishing.RecordPublished;
import gongkai.publishing.RecordRevised;
import gongkai.publishing.RecordView;
import gongkai.publishing.RecordWithdrawn;
import gongkai.publishing.Records;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.PublicPagesChanged;

/**
 * Keeps the datasets in step with publishing. A publication or revision of a record open to everyone, under an item
 * with a schema, puts its rows (masked as its public page shows them) into its organisation's dataset, replacing
 * those of the previous version; a withdrawal takes them out. Targeted records never enter. Each listener runs after
 * the publishing transaction, in one of its own; at start the projection is reconciled with the records, so that a
 * missed event or a rebuilt database cannot leave a dataset behind.
 */
@Component
public class DatasetProjection {

    private static final Logger log = LoggerFactory.getLogger(DatasetProjection.class);
    private static final int PAGE = 500;

    private final DatasetStore store;
    private final Records records;
    private final Catalog catalog;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    DatasetProjection(DatasetStore store, Records records, Catalog catalog, TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.store = store;
        this.records = records;
        this.catalog = catalog;
        this.transactions = transactions;
        this.events = events;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(RecordPublished event) {
        if (Audience.PUBLIC.code().equals(event.audience())) {
            project(event.indexNo(), DatasetChange.Kind.PUBLISHED, event.at());
            pagesChanged(event.indexNo(), event.catalogItem(), event.org());
        }
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(RecordRevised event) {
        if (Audience.PUBLIC.code().equals(event.audience())) {
            project(event.indexNo(), DatasetChange.Kind.REVISED, event.at());
            pagesChanged(event.indexNo(), event.catalogItem(), event.org());
        }
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(RecordWithdrawn event) {
        remove(event.indexNo(), event.version(), event.at());
        pagesChanged(event.indexNo(), event.catalogItem(), event.org());
    }

    /**
     * The item, organisation and record pages link to the record's dataset and are kept in the page cache: the
     * publishing event dropped them when its transaction committed, before this projection was done.
     */
    private void pagesChanged(String indexNo, String itemCode, String orgCode) {
        events.publishEvent(PublicPagesChanged.of(PublicPagesChanged.item(itemCode), PublicPagesChanged.org(orgCode),
                PublicPagesChanged.record(indexNo)));
    }

    /**
     * Brings the datasets in line with the published records: rows of records whose current public version is not
     * the one projected are (re)written, rows of records no longer open to everyone are taken out.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void reconcile() {
        Map<String, String> projected = store.hashes();
        Set<String> seen = new LinkedHashSet<>();
        int written = 0;
        long after = 0;
        while (true) {
            List<PublicVersion> page = records.publicVersions(after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (PublicVersion v : page) {
                after = v.recordId();
                seen.add(v.indexNo());
                String hash = projected.get(v.indexNo());
                if (hash == null || !hash.equals(v.contentSha256())) {
                    DatasetChange.Kind kind = hash == null ? DatasetChange.Kind.PUBLISHED : DatasetChange.Kind.REVISED;
                    try {
                        Boolean done = transactions.execute(s -> project(v.indexNo(), kind, null));
                        if (Boolean.TRUE.equals(done)) {
                            written++;
                        }
                    } catch (RuntimeException e) {
                        // Another node reconciling at the same time, or one bad record: the next start tries again.
                        log.warn("Open data: could not reconcile {}: {}", v.indexNo(), e.toString());
                    }
                }
            }
        }
        int removed = 0;
        for (String indexNo : projected.keySet()) {
            if (!seen.contains(indexNo)) {
                transactions.executeWithoutResult(s -> remove(indexNo, 0, Instant.now()));
                removed++;
            }
        }
        if (written > 0 || removed > 0) {
            log.info("Open data reconciled with the records: {} records (re)written, {} taken out", written, removed);
        }
    }

    /**
     * (Re)writes the rows of a record's current public version into its dataset.
     *
     * @param at when it happened; null to take the version's publication time
     * @return whether the record has rows in a dataset now
     */
    boolean project(String indexNo, DatasetChange.Kind kind, Instant at) {
        RecordView v = records.view(indexNo, null);
        Optional<CatalogItem> item = catalog.item(v.catalogItem());
        if (v.withdrawn() || v.targeted() || item.isEmpty() || !item.get().hasSchema() || v.rows().isEmpty()) {
            if (store.record(indexNo).isPresent()) {
                remove(indexNo, v.version(), at == null ? v.publishedAt() : at);
            }
            return false;
        }
        Optional<DatasetStore.ProjectedRecord> before = store.record(indexNo);
        if (before.isPresent() && before.get().contentSha256().equals(v.contentSha256())) {
            return true;
        }
        Instant when = at != null ? at : v.publishedAt();
        DatasetStore.DatasetRow dataset = store.datasetFor(v.catalogItem(), v.org(), v.firstPublishedAt());
        LocalDate publishedOn = LocalDate.ofInstant(v.firstPublishedAt(), PlatformConfiguration.CHINA);
        ReportingPeriod period = v.period() == null ? null : ReportingPeriod.parse(v.period());
        List<Map<String, String>> rows = new ArrayList<>();
        Set<String> tags = new LinkedHashSet<>();
        for (Map<String, String> masked : v.rows()) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (CatalogField f : item.get().fields()) {
                String value = masked.getOrDefault(f.name(), "");
                cells.put(f.name(), value == null ? "" : value);
                if (f.type() == FieldType.CHOICE && value != null && !value.isBlank()) {
                    tags.add(value.strip());
                }
            }
            cells.put("index_no", v.indexNo());
            cells.put("record_title", v.title());
            cells.put("publisher", v.publisher());
            cells.put("region_code", v.region() == null ? "" : v.region());
            cells.put("region_name", v.regionName() == null ? "" : v.regionName());
            cells.put("period", v.period() == null ? "" : v.period());
            cells.put("published_on", publishedOn.toString());
            rows.add(cells);
        }
        store.put(dataset.id(), new DatasetStore.RecordRows(v.indexNo(), v.version(), v.contentSha256(), v.title(),
                v.region(), v.period(), publishedOn, period == null ? publishedOn : period.firstDay(),
                period == null ? publishedOn : period.lastDay(), period == null ? publishedOn.getYear() : period.year(),
                String.join("、", tags), v.demo(), v.firstPublishedAt(), rows));
        if (before.isPresent() && before.get().datasetId() != dataset.id()) {
            store.touch(before.get().datasetId(), when);
        }
        store.touch(dataset.id(), when);
        store.change(dataset.id(), before.isPresent() ? DatasetChange.Kind.REVISED : kind, v.indexNo(), v.version(),
                v.title(), rows.size(), when);
        log.debug("Open data: {} rows of {} in {}", rows.size(), indexNo, dataset.name());
        return true;
    }

    private void remove(String indexNo, int version, Instant at) {
        Optional<DatasetStore.ProjectedRecord> before = store.record(indexNo);
        if (before.isEmpty()) {
            return;
        }
        String title = store.title(indexNo);
        store.delete(indexNo);
        store.touch(before.get().datasetId(), at);
        store.change(before.get().datasetId(), DatasetChange.Kind.WITHDRAWN, indexNo,
                version > 0 ? version : before.get().version(), title, 0, at);
    }
}
