package gongkai.search;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.search.mapper.orm.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import gongkai.publishing.Records;
import gongkai.search.internal.IndexRepair;
import gongkai.search.internal.SearchDocument;
import gongkai.search.internal.SearchDocumentRepository;
import gongkai.search.internal.SearchIndexer;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.AuditedChange;
import gongkai.shared.Role;

/**
 * Upkeep of the search index: its size, and a rebuild from the database (the published records open to everyone
 * → search documents → the Lucene index), run by an admin or at start when the index is missing; and at every start
 * a repair of whatever differs in content.
 */
@Service
public class SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    /** Sizes for the back office. */
    public record Status(long publicRecords, long documents, long indexed) {
        public boolean inStep() {
            return publicRecords == documents && documents == indexed;
        }
    }

    /** What the repair at start found: records open to everyone, documents rewritten and removed. */
    public record Repaired(long records, long rewritten, long removed) {
    }

    private final EntityManager entityManager;
    private final EntityManagerFactory entityManagerFactory;
    private final SearchDocumentRepository documents;
    private final SearchIndexer indexer;
    private final Records records;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final IndexRepair repair;

    SearchIndex(EntityManager entityManager, EntityManagerFactory entityManagerFactory,
            SearchDocumentRepository documents, SearchIndexer indexer,
            Records records, TransactionTemplate tx, ApplicationEventPublisher events, IndexRepair repair) {
        this.entityManager = entityManager;
        this.entityManagerFactory = entityManagerFactory;
        this.documents = documents;
        this.indexer = indexer;
        this.records = records;
        this.tx = tx;
        this.events = events;
        this.repair = repair;
    }

    @Transactional(readOnly = true)
    public Status status() {
        // Only documents of the current mapping count, so that an index written before a field was added is out of
        // step.
        long indexed = Search.session(entityManager).search(SearchDocument.class)
                .where(f -> f.match().field(SearchDocument.SCHEMA_FIELD).matching(SearchDocument.SCHEMA))
                .fetchTotalHitCount();
        return new Status(records.countOpenToEveryone(), documents.count(), indexed);
    }

    /** The city office's admin rebuilds the index from the database; audited. */
    public Status rebuildAsAdmin() {
        Actor actor = Actor.require();
        if (!actor.cityWide() || !actor.has(Role.ADMIN)) {
            throw new AccessDeniedProblem("只有市政府办公室的管理员可以重建搜索索引。");
        }
        Status status = rebuild();
        tx.executeWithoutResult(s -> events.publishEvent(new AuditedChange("search.rebuild", "search-index",
                SearchDocument.INDEX, "重建搜索索引：" + status.indexed() + "条")));
        return status;
    }

    /** Rewrites every search document from the published records, drops stale ones, then re-indexes them all. */
    public Status rebuild() {
        List<String> current = records.publicIndexNumbers();
        Set<String> wanted = new HashSet<>(current);
        for (String indexNo : current) {
            tx.executeWithoutResult(s -> indexer.write(indexNo));
        }
        tx.executeWithoutResult(s -> documents.findAll().stream()
                .filter(d -> !wanted.contains(d.indexNo())).forEach(documents::delete));
        massIndex();
        Status status = tx.execute(s -> status());
        log.info("Search index rebuilt: {} records, {} documents, {} indexed", status.publicRecords(),
                status.documents(), status.indexed());
        return status;
    }

    /**
     * Brings the index in step with the records by content (see {@link IndexRepair}): only what differs is
     * rewritten or removed. An index with no documents at all while records are public (a new or lost index folder)
     * is rebuilt in bulk instead, which is faster; so is an index that holds documents of an older mapping
     * ({@link SearchDocument#SCHEMA}), whose content hashes may be right while a newer field is missing.
     */
    public Repaired repair() {
        Status status = tx.execute(s -> status());
        long older = tx.execute(s -> olderDocuments());
        if ((status.indexed() == 0 && status.publicRecords() > 0) || older > 0) {
            log.info("Search index empty or of an older mapping ({} public records, {} older documents): rebuilding",
                    status.publicRecords(), older);
            Status rebuilt = rebuild();
            return new Repaired(rebuilt.publicRecords(), rebuilt.documents(), 0);
        }
        return repair.run();
    }

    private long olderDocuments() {
        return Search.session(entityManager).search(SearchDocument.class)
                .where(f -> f.bool().must(f.matchAll())
                        .mustNot(f.match().field(SearchDocument.SCHEMA_FIELD).matching(SearchDocument.SCHEMA)))
                .fetchTotalHitCount();
    }

    /** Re-indexes the search documents as they are (the bulk path: several threads, no per-row events). */
    public void massIndex() {
        try {
            Search.mapping(entityManagerFactory).scope(SearchDocument.class).massIndexer().threadsToLoadObjects(2)
                    .batchSizeToLoadObjects(500).startAndWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Mass indexing interrupted", e);
        }
    }
}
