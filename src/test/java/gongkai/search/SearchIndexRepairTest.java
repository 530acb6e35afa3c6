package gongkai.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import gongkai.support.ThreeStepReview;
import gongkai.publishing.RecordInput;
import gongkai.search.internal.SearchDocument;
import gongkai.search.internal.SearchDocumentRepository;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check at start repairs the index by content, not by count: a document missing while a left-over one keeps the
 * counts equal, and a document made from another version of its record, are both found and put right.
 */
@PlatformTest
class SearchIndexRepairTest {

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();
    @Autowired
    RecordSearch search;
    @Autowired
    SearchIndex index;
    @Autowired
    SearchDocumentRepository documents;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EntityManager entityManager;

    @Test
    void aMissingDocumentIsRestoredEvenWhenALeftOverOneKeepsTheCountsEqual() {
        String indexNo = publish("城乡居民医保缴费补助发放公告");
        long id = idOf(indexNo);
        index.repair(); // whatever other tests of this shared context left behind
        tx.executeWithoutResult(s -> {
            documents.delete(documents.findById(id).orElseThrow());
            // A document whose record is not open to everyone (say, one restored from an older backup of the index).
            SearchDocument leftOver = new SearchDocument(id + 1_000_000);
            leftOver.fill("ycsmzj/2020-99999", "早已撤回的残留通知", "", "早已撤回的残留通知", "", null, "ycsmzj", "宜春市民政局",
                    "360900", "360900", "social-assistance", "sa-policy", "其他", "other",
                    Instant.parse("2020-01-01T00:00:00Z"), 2020, false, "0".repeat(64));
            documents.save(leftOver);
        });
        assertThat(index.status().inStep()).as("the counts agree, so a count check sees nothing wrong").isTrue();
        assertThat(found("医保缴费补助发放")).doesNotContain(indexNo);
        assertThat(found("残留通知")).contains("ycsmzj/2020-99999");

        SearchIndex.Repaired repaired = index.repair();

        assertThat(repaired.rewritten()).isEqualTo(1);
        assertThat(repaired.removed()).isEqualTo(1);
        assertThat(found("医保缴费补助发放")).contains(indexNo);
        assertThat(found("残留通知")).isEmpty();
        assertThat(index.status().inStep()).isTrue();
        assertThat(index.repair()).as("a second check finds nothing left to do")
                .isEqualTo(new SearchIndex.Repaired(repaired.records(), 0, 0));
    }

    @Test
    void aDocumentMadeFromAnotherVersionIsRewrittenEvenWhenTheTableIsRight() {
        String indexNo = publish("城乡低保提标工作方案");
        long id = idOf(indexNo);
        index.repair(); // whatever other tests of this shared context left behind
        String[] row = jdbc.queryForObject("SELECT title, content_sha256 FROM search_document WHERE id = ?",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, id);
        // The index gets an older state of the document (another version: other title, other hash) …
        tx.executeWithoutResult(s -> {
            SearchDocument doc = documents.findById(id).orElseThrow();
            doc.fill(indexNo, "城乡低保提标工作方案（征求意见稿）", "", "征求意见稿正文", "", null, "ycsmzj", "宜春市民政局", "360900",
                    "360900", "social-assistance", "sa-policy", "其他", "other", Instant.parse("2026-01-01T00:00:00Z"),
                    2026, false, "f".repeat(64));
        });
        // … while the table is put back behind the index's back, as after a crash between the two.
        jdbc.update("UPDATE search_document SET title = ?, content_sha256 = ? WHERE id = ?", row[0], row[1], id);
        assertThat(index.status().inStep()).isTrue();
        assertThat(found("征求意见稿")).contains(indexNo);

        SearchIndex.Repaired repaired = index.repair();

        assertThat(repaired.rewritten()).isEqualTo(1);
        assertThat(repaired.removed()).isZero();
        assertThat(found("征求意见稿")).doesNotContain(indexNo);
        assertThat(found("低保提标工作方案")).contains(indexNo);
    }

    @Test
    void anIndexWrittenByAnOlderMappingIsRebuiltThoughItsContentHashesAgree() {
        String indexNo = publish("城乡低保资金发放情况说明");
        publish("城乡低保资金发放情况补充说明");
        long id = idOf(indexNo);
        index.repair(); // whatever other tests of this shared context left behind
        // As if written before the kind of document was added: an older mapping in the index (for one document, so
        // that the index is not empty by that measure), no kind in the table.
        tx.executeWithoutResult(s -> {
            SearchDocument doc = documents.findById(id).orElseThrow();
            doc.indexAsSchema(SearchDocument.SCHEMA - 1);
            Search.session(entityManager).indexingPlan().addOrUpdate(doc);
        });
        jdbc.update("UPDATE search_document SET kind = NULL");
        assertThat(index.status().inStep()).isFalse();

        SearchIndex.Repaired repaired = index.repair();

        assertThat(repaired.rewritten()).as("every document rewritten").isEqualTo(repaired.records()).isPositive();
        assertThat(index.status().inStep()).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM search_document WHERE kind IS NULL", Long.class)).isZero();
        SearchQuery otherKind = new SearchQuery("低保资金发放", null, null, null, null, null, null, null, 0, null, false,
                null, null, DocumentKind.OTHER.code());
        assertThat(search.search(otherKind).hits()).extracting(SearchHit::indexNo).contains(indexNo);
        assertThat(index.repair()).as("a second check finds nothing left to do")
                .isEqualTo(new SearchIndex.Repaired(repaired.records(), 0, 0));
    }

    private String publish(String title) {
        Staff s = Staff.of("ycsmzj");
        RecordInput input = new RecordInput("sa-policy", "ycsmzj", "360900", title, "", null, LocalDate.of(2026, 6, 1),
                "<p>" + title + "。</p>", List.of("社会救助"), null, null, null, null, null, null, null);
        return review.publish(s, input);
    }

    private long idOf(String indexNo) {
        return jdbc.queryForObject("SELECT id FROM disclosure_record WHERE index_no = ?", Long.class, indexNo);
    }

    private List<String> found(String q) {
        return search.search(SearchQuery.of(q)).hits().stream().map(SearchHit::indexNo).toList();
    }
}
