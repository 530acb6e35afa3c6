package gongkai.ledger;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriUtils;

import gongkai.support.ThreeStepReview;
import gongkai.account.internal.AccountUserDetailsService;
import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogItem;
import gongkai.catalog.ItemAmendment;
import gongkai.ledger.LedgerEntry.Action;
import gongkai.ledger.internal.LedgerListener;
import gongkai.ledger.internal.LedgerSelfCheck;
import gongkai.ledger.internal.LedgerWriter;
import gongkai.ledger.internal.LedgerSelfCheck.Problem;
import gongkai.ledger.internal.MerkleTree;
import gongkai.publishing.PublishedContent;
import gongkai.publishing.Drafting;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordInput;
import gongkai.publishing.RecordPublished;
import gongkai.publishing.RecordView;
import gongkai.publishing.Records;
import gongkai.shared.CanonicalJson;
import gongkai.support.Acting;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;

import tools.jackson.databind.json.JsonMapper;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The log follows publishing: one entry per publication, revision, withdrawal and catalogue amendment, the record's
 * JSON carries its content and entry so anyone can recompute the hash, a redelivered event adds nothing, and the
 * self-check catches content changed behind the platform's back.
 */
@PlatformTest
class LedgerRecordTest {

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Drafting drafting;
    @Autowired
    Publishing publishing;
    @Autowired
    Records records;
    @Autowired
    TransparencyLog ledger;
    @Autowired
    LedgerListener listener;
    @Autowired
    LedgerWriter writer;
    @Autowired
    LedgerSelfCheck selfCheck;
    @Autowired
    Catalog catalog;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    MockMvc mvc;
    @Autowired
    AccountUserDetailsService principals;
    @Autowired
    gongkai.account.Accounts accounts;

    private static RecordInput project(String title, String body) {
        return new RecordInput("pa-project", "ycsfpb", "360900", title, "2026年第四批扶贫项目", null,
                LocalDate.of(2026, 11, 2), body, List.of("扶贫项目", "公示"), null, null, null, null,
                List.of(Map.of("项目名称", "某村安全饮水工程", "资金来源", "中央财政衔接资金", "实施期限", "2026年3月至10月",
                        "预期目标", "解决300人饮水安全", "实施单位", "某乡人民政府", "责任人", "刘建设",
                        "举报电话", "0795-3201234")), null, null);
    }

    private String publish(Staff s, RecordInput input) {
        return review.publish(s, input);
    }

    @Test
    void publicationRevisionAndWithdrawalEachAppendOneEntryThatTheRecordJsonCarries() throws Exception {
        Staff s = Staff.of("ycsfpb");
        long before = ledger.size();
        String indexNo = publish(s, project("某村安全饮水工程项目公示", "<p>现将项目公示如下。</p>"));
        assertThat(ledger.size()).isEqualTo(before + 1);

        Map<String, Object> json = recordJson(indexNo);
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) json.get("content");
        @SuppressWarnings("unchecked")
        Map<String, Object> ledgerRef = (Map<String, Object>) json.get("ledger");
        assertThat(content).containsOnlyKeys("indexNo", "version", "org", "publisher", "catalogItem", "region",
                "audience", "title", "summary", "documentNumber", "writtenOn", "keywords", "subjectClass", "body",
                "data", "attachments");
        assertThat(content).containsEntry("indexNo", indexNo).containsEntry("version", 1)
                .containsEntry("publisher", "宜春市扶贫和移民办公室").containsEntry("writtenOn", "2026-11-02")
                .containsEntry("keywords", List.of("扶贫项目", "公示"));
        String hash = CanonicalJson.sha256Hex(content);
        assertThat(json.get("contentSha256")).isEqualTo(hash);

        String entryText = (String) ledgerRef.get("entry");
        LedgerEntry entry = LedgerEntry.parse(entryText);
        assertThat(entry.action()).isEqualTo(Action.PUBLISH);
        assertThat(entry.indexNo()).isEqualTo(indexNo);
        assertThat(entry.version()).isEqualTo(1);
        assertThat(entry.contentSha256()).isEqualTo(hash);
        assertThat(entryText).startsWith("{\"action\":\"PUBLISH\",\"at\":\"").contains("\"contentSha256\":\"" + hash);
        long leafIndex = ((Number) ledgerRef.get("leafIndex")).longValue();
        assertThat(ledgerRef.get("leafHash")).isEqualTo(HexFormat.of().formatHex(
                Rfc6962.mth(List.of(entryText.getBytes(StandardCharsets.UTF_8)))));
        SignedTreeHead head = ledger.head();
        InclusionProof proof = ledger.inclusionProof(leafIndex, head.treeSize());
        assertThat(MerkleTree.verifyInclusion(leafIndex, head.treeSize(), HexFormat.of().parseHex(
                (String) ledgerRef.get("leafHash")), proof.auditPath().stream().map(HexFormat.of()::parseHex).toList(),
                HexFormat.of().parseHex(head.rootHash()))).isTrue();

        mvc.perform(get(URI.create("/records/" + encode(indexNo)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("第 <span>" + leafIndex + "</span> 号条目")))
                .andExpect(content().string(containsString("&quot;contentSha256&quot;:&quot;" + hash)))
                .andExpect(content().string(containsString("/verify?record=")));

        as(s.editor(), () -> publishing.revise(indexNo));
        as(s.editor(), () -> drafting.update(indexNo, project("某村安全饮水工程项目公示（更正）", "<p>更正后的公示。</p>")));
        review.pass(s, indexNo);
        assertThat(ledger.size()).isEqualTo(before + 2);
        LoggedEntry revised = ledger.entryFor(indexNo, 2).orElseThrow();
        String v2 = records.view(indexNo, null).contentSha256();
        assertThat(LedgerEntry.parse(revised.entry())).extracting(LedgerEntry::action, LedgerEntry::version,
                LedgerEntry::contentSha256).containsExactly(Action.REVISE, 2, v2);

        as(s.approver(), () -> publishing.withdraw(indexNo, "项目调整"));
        assertThat(ledger.size()).isEqualTo(before + 3);
        LedgerEntry withdrawn = LedgerEntry.parse((String) ((Map<?, ?>) recordJson(indexNo).get("ledger")).get("entry"));
        assertThat(withdrawn).extracting(LedgerEntry::action, LedgerEntry::version, LedgerEntry::contentSha256)
                .containsExactly(Action.WITHDRAW, 2, v2);
        assertThat(ledger.entryFor(indexNo, 1).map(LoggedEntry::leafIndex)).contains(leafIndex);
    }

    @Test
    void theContentIsWhatThePublicReadsWithPersonalFieldsMasked() {
        Staff s = Staff.of("fxxzf");
        RecordInput input = new RecordInput("pa-identification", "fxxzf", "360921", "2026年度贫困识别和退出名单",
                "名单", null, LocalDate.of(2026, 10, 20), "<p>现将名单公示如下。</p>", List.of("贫困识别"), null,
                "建档立卡户", null, null, List.of(Map.of("户主姓名", "王小明", "家庭人口", "4", "所在村组", "某村三组",
                        "识别或退出", "退出", "年度", "2026")), null, null);
        String indexNo = review.publish(s, input);
        PublishedContent published = records.publishedContent(indexNo, 1).orElseThrow();
        assertThat(published.content()).containsEntry("audience", "targeted").containsEntry("region", "360921");
        assertThat(published.content().get("data")).isEqualTo(List.of(Map.of("户主姓名", "王*明", "家庭人口", "4",
                "所在村组", "某村三组", "识别或退出", "退出", "年度", "2026")));
        assertThat(published.sha256()).isEqualTo(published.recordedSha256());
        assertThat(ledger.entryFor(indexNo, 1)).map(e -> LedgerEntry.parse(e.entry()).contentSha256())
                .contains(published.sha256());
    }

    @Test
    void aRedeliveredEventAddsNoLeaf() {
        String indexNo = publish(Staff.of("ycsfpb"), project("某村道路项目公示", "<p>公示。</p>"));
        RecordView view = records.view(indexNo, null);
        long size = ledger.size();
        RecordPublished again = new RecordPublished(indexNo, 1, view.catalogItem(), view.org(), view.region(),
                view.audience().code(), view.contentSha256(), view.publishedAt());
        listener.on(again);
        listener.on(again);
        tx.executeWithoutResult(t -> events.publishEvent(again));
        assertThat(ledger.size()).isEqualTo(size);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_leaf WHERE index_no = ?", Long.class, indexNo))
                .isEqualTo(1);
    }

    @Test
    void catalogueAmendmentsAreLoggedWithTheItemsHash() {
        CatalogItem item = catalog.requireItem("cs-activities");
        long logged = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_leaf WHERE index_no = 'catalog/cs-activities'",
                Long.class);
        ItemAmendment change = ItemAmendment.of(item);
        ItemAmendment amended = new ItemAmendment(change.name(), change.audience(), change.schedule(),
                change.content() + "（含线上活动）", change.legalBasis(), change.subjectClass(), change.channels(),
                change.ownerOrgs(), change.countyOwners(), change.retired(), change.policyDocument());
        CatalogItem after = as(Acting.cityAdmin(), () -> catalog.amendItem("cs-activities", amended));
        LoggedEntry entry = ledger.entryFor("catalog/cs-activities", (int) logged + 1).orElseThrow();
        assertThat(LedgerEntry.parse(entry.entry())).extracting(LedgerEntry::action, LedgerEntry::contentSha256)
                .containsExactly(Action.CATALOG, after.contentSha256());
        as(Acting.cityAdmin(), () -> catalog.amendItem("cs-activities", change));
        assertThat(ledger.entryFor("catalog/cs-activities", (int) logged + 2)).map(e -> LedgerEntry.parse(e.entry())
                .contentSha256()).contains(item.contentSha256());
    }

    @Test
    void contentChangedDirectlyInTheDatabaseIsCaughtByTheSelfCheck() throws Exception {
        String indexNo = publish(Staff.of("ycsfpb"), project("某村产业项目公示", "<p>原文。</p>"));
        long recordId = records.view(indexNo, null).recordId();
        assertThat(about(selfCheck.run("test").orElseThrow().problems(), indexNo)).isEmpty();

        jdbc.update("UPDATE record_version SET body = '<p>被改过的正文。</p>' WHERE record_id = ? AND version = 1", recordId);
        try {
            LedgerSelfCheck.Report report = selfCheck.run("test").orElseThrow();
            assertThat(about(report.problems(), indexNo)).extracting(Problem::kind)
                    .containsExactly(LedgerSelfCheck.Kind.CONTENT_MISMATCH);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_alert WHERE kind = 'CONTENT_MISMATCH' AND "
                    + "subject LIKE ?", Long.class, indexNo + "%")).isPositive();
            mvc.perform(get("/admin/ledger").with(user(principals.loadUserByUsername("admin"))))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("发现问题")))
                    .andExpect(content().string(containsString(indexNo + " 第1版")))
                    .andExpect(content().string(containsString("数据库中的内容与账本记载的哈希不符")));
            String orgAdmin = Acting.newUser(accounts, "ycsfpb", gongkai.shared.Role.ADMIN);
            mvc.perform(get("/admin/ledger").with(user(principals.loadUserByUsername(orgAdmin))))
                    .andExpect(status().isForbidden());
        } finally {
            jdbc.update("UPDATE record_version SET body = '<p>原文。</p>' WHERE record_id = ? AND version = 1", recordId);
        }
        assertThat(about(selfCheck.run("test").orElseThrow().problems(), indexNo)).isEmpty();
    }

    @Test
    void aChangedEntryOrSubtreeHashInTheLogItselfIsCaught() {
        TestEntries.appendEach(writer, 3);
        long leaf = ledger.size() - 2;
        String text = jdbc.queryForObject("SELECT entry FROM ledger_leaf WHERE leaf_index = ?", String.class, leaf);
        String node = jdbc.queryForObject("SELECT node_hash FROM ledger_node WHERE tree_level = 1 AND node_index = 0",
                String.class);
        jdbc.update("UPDATE ledger_leaf SET entry = ? WHERE leaf_index = ?", text.replace("\"version\":1",
                "\"version\":2"), leaf);
        jdbc.update("UPDATE ledger_node SET node_hash = ? WHERE tree_level = 1 AND node_index = 0", "0".repeat(64));
        try {
            List<Problem> problems = selfCheck.run("test").orElseThrow().problems();
            assertThat(problems).extracting(Problem::kind).contains(LedgerSelfCheck.Kind.LEAF_HASH,
                    LedgerSelfCheck.Kind.NODE_HASH, LedgerSelfCheck.Kind.ROOT, LedgerSelfCheck.Kind.ENTRY_FORMAT);
            assertThat(problems).anyMatch(p -> p.subject().equals("条目 " + leaf));
        } finally {
            jdbc.update("UPDATE ledger_leaf SET entry = ? WHERE leaf_index = ?", text, leaf);
            jdbc.update("UPDATE ledger_node SET node_hash = ? WHERE tree_level = 1 AND node_index = 0", node);
        }
        assertThat(selfCheck.run("test").orElseThrow().problems()).extracting(Problem::kind).doesNotContain(
                LedgerSelfCheck.Kind.LEAF_HASH, LedgerSelfCheck.Kind.NODE_HASH, LedgerSelfCheck.Kind.ROOT,
                LedgerSelfCheck.Kind.SIGNATURE, LedgerSelfCheck.Kind.CONSISTENCY, LedgerSelfCheck.Kind.ENTRY_FORMAT);
    }

    private static List<Problem> about(List<Problem> problems, String indexNo) {
        return problems.stream().filter(p -> p.subject().startsWith(indexNo)).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> recordJson(String indexNo) throws Exception {
        String body = mvc.perform(get(URI.create("/api/v1/records/" + encode(indexNo)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JSON.readValue(body, Map.class);
    }

    private static String encode(String indexNo) {
        return UriUtils.encodePathSegment(indexNo, StandardCharsets.UTF_8);
    }
}
