package gongkai.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import gongkai.publishing.Decision;
import gongkai.publishing.Drafting;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordInput;
import gongkai.publishing.Records;
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

    @Autowired
    Drafting drafting;
    @Autowired
    Publishing publishing;
    @Autowired
    Records records;
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
                    "360900", "360900", "social-assistance", "sa-policy", "其他", Instant.parse("2020-01-01T00:00:00Z"),
                    2020, false, "0".repeat(64));
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
                    "360900", "social-assistance", "sa-policy", "其他", Instant.parse("2026-01-01T00:00:00Z"), 2026,
                    false, "f".repeat(64));
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

    private String publish(String title) {
        Staff s = Staff.of("ycsmzj");
        RecordInput input = new RecordInput("sa-policy", "ycsmzj", "360900", title, "", null, LocalDate.of(2026, 6, 1),
                "<p>" + title + "。</p>", List.of("社会救助"), null, null, null, null, null, null, null);
        String ref = as(s.editor(), () -> drafting.create(input));
        as(s.editor(), () -> publishing.submit(ref));
        as(s.reviewer(), () -> publishing.review(ref, Decision.PASS, ""));
        as(s.approver(), () -> publishing.approve(ref, Decision.PASS, "", null, "测试：不配解读"));
        return as(s.approver(), () -> records.view(ref, null)).indexNo();
    }

    private long idOf(String indexNo) {
        return jdbc.queryForObject("SELECT id FROM disclosure_record WHERE index_no = ?", Long.class, indexNo);
    }

    private List<String> found(String q) {
        return search.search(SearchQuery.of(q)).hits().stream().map(SearchHit::indexNo).toList();
    }
}
