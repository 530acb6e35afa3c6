package gongkai.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.EntityManager;

import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.hibernate.search.util.common.data.RangeBoundInclusion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import gongkai.publishing.PublicVersion;
import gongkai.publishing.Records;
import gongkai.search.SearchIndex;

/**
 * Brings the search copy in step with the records by content, not by count: walks, in record-id order and a page at
 * a time, the current published versions of the records open to everyone, the search documents in the database and
 * the documents in the index, and rewrites every record whose document is missing or was made from another version
 * (content hash) in either place, and removes every document whose record is no longer open to everyone. Memory
 * stays constant whatever the number of records: three pages and one batch of repairs.
 */
@Component
public class IndexRepair {

    private static final Logger log = LoggerFactory.getLogger(IndexRepair.class);
    private static final int PAGE = 2000;
    private static final int BATCH = 200;

    private final Records records;
    private final SearchDocumentRepository documents;
    private final SearchIndexer indexer;
    private final EntityManager entityManager;
    private final TransactionTemplate tx;

    IndexRepair(Records records, SearchDocumentRepository documents, SearchIndexer indexer,
            EntityManager entityManager, TransactionTemplate tx) {
        this.records = records;
        this.documents = documents;
        this.indexer = indexer;
        this.entityManager = entityManager;
        this.tx = tx;
    }

    public SearchIndex.Repaired run() {
        ByIdCursor<PublicVersion> wanted = new ByIdCursor<>(after -> tx.execute(s -> records.publicVersions(after,
                PAGE)), PublicVersion::recordId);
        ByIdCursor<IndexState> rows = new ByIdCursor<>(after -> tx.execute(s -> documents.findStates(after,
                Limit.of(PAGE))), IndexState::id);
        long[] idRange = indexedIdRange();
        ByIdCursor<IndexState> indexed = new ByIdCursor<>(after -> indexedAfter(after, idRange), IndexState::id);
        List<PublicVersion> stale = new ArrayList<>();
        List<Long> leftOver = new ArrayList<>();
        long seen = 0;
        long rewritten = 0;
        long removed = 0;
        while (true) {
            long id = Math.min(wanted.peekId(), Math.min(rows.peekId(), indexed.peekId()));
            if (id == Long.MAX_VALUE) {
                break;
            }
            PublicVersion version = wanted.takeIf(id);
            IndexState row = rows.takeIf(id);
            IndexState document = indexed.takeIf(id);
            if (version == null) {
                leftOver.add(id);
            } else {
                seen++;
                if (!madeFrom(row, version) || !madeFrom(document, version)) {
                    stale.add(version);
                }
            }
            if (stale.size() + leftOver.size() >= BATCH) {
                rewritten += stale.size();
                removed += leftOver.size();
                repair(stale, leftOver);
            }
        }
        rewritten += stale.size();
        removed += leftOver.size();
        repair(stale, leftOver);
        if (rewritten + removed > 0) {
            log.info("Search index repaired: {} records open to everyone, {} documents rewritten, {} removed", seen,
                    rewritten, removed);
        }
        return new SearchIndex.Repaired(seen, rewritten, removed);
    }

    private static boolean madeFrom(IndexState state, PublicVersion version) {
        return state != null && Objects.equals(state.contentSha256(), version.contentSha256());
    }

    /**
     * The index's documents after a record id, by id, as id and content hash (no texts loaded). Asked window by
     * window of {@code PAGE} ids, so that each query only visits the documents it returns (an open range sorted by
     * id would visit every document above it, at every page); a window holds at most {@code PAGE} documents.
     */
    private List<IndexState> indexedAfter(long after, long[] idRange) {
        if (idRange == null) {
            return List.of();
        }
        for (long from = Math.max(after, idRange[0] - 1); from < idRange[1]; from += PAGE) {
            long lower = from;
            List<IndexState> window = tx.execute(s -> Search.session(entityManager).search(SearchDocument.class)
                    .select(f -> f.composite().from(f.id(Long.class), f.field(SearchDocument.STATE, String.class))
                            .as(IndexState::new))
                    .where(f -> f.range().field(SearchDocument.RECORD_ID).between(lower, RangeBoundInclusion.EXCLUDED,
                            lower + PAGE, RangeBoundInclusion.INCLUDED))
                    .sort(f -> f.field(SearchDocument.RECORD_ID)).fetchHits(PAGE));
            if (!window.isEmpty()) {
                return window;
            }
        }
        return List.of();
    }

    /** The lowest and highest record id in the index, or null when it is empty. */
    private long[] indexedIdRange() {
        return tx.execute(s -> {
            var session = Search.session(entityManager);
            List<Long> lowest = session.search(SearchDocument.class).select(f -> f.id(Long.class))
                    .where(f -> f.matchAll()).sort(f -> f.field(SearchDocument.RECORD_ID).asc()).fetchHits(1);
            List<Long> highest = session.search(SearchDocument.class).select(f -> f.id(Long.class))
                    .where(f -> f.matchAll()).sort(f -> f.field(SearchDocument.RECORD_ID).desc()).fetchHits(1);
            return lowest.isEmpty() ? null : new long[] {lowest.get(0), highest.get(0)};
        });
    }

    /**
     * Rewrites the stale documents and removes the left-over ones, in one transaction. The index is told explicitly:
     * a row that was right while the index was not would otherwise not be re-indexed, being unchanged.
     */
    private void repair(List<PublicVersion> stale, List<Long> leftOver) {
        if (stale.isEmpty() && leftOver.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(s -> {
            SearchIndexingPlan plan = Search.session(entityManager).indexingPlan();
            for (PublicVersion version : stale) {
                indexer.write(version.indexNo());
                documents.findById(version.recordId()).ifPresent(plan::addOrUpdate);
            }
            for (Long id : leftOver) {
                documents.findById(id).ifPresent(documents::delete);
                plan.purge(SearchDocument.class, id, null);
            }
        });
        stale.clear();
        leftOver.clear();
    }
}
