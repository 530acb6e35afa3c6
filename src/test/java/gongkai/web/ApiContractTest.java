package gongkai.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.UriUtils;

import gongkai.account.Accounts;
import gongkai.account.IssuedToken;
import gongkai.account.NewUser;
import gongkai.shared.Actor;
import gongkai.shared.PlatformConfiguration;
import gongkai.publishing.input.UploadFiles;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.JsonSnapshots;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The API contract: every JSON endpoint, called with good and with typical bad input as the right (and the wrong)
 * person on the demo data, answers exactly as its snapshot in {@code src/test/resources/api-contract/} says: status,
 * content type, location and the JSON body, compared as trees in which the order of object keys counts.
 * <p>
 * The platform runs on a fixed clock (2026-11-27 10:00 China time) and a fixed ledger key
 * ({@code src/test/resources/ledger-test-key/}; Ed25519 signatures are deterministic), so the answers are the same on
 * every run. Regenerate the snapshots after a deliberate change of the contract, and review the diff:
 * <pre>./mvnw -B -o -q test -Dtest=ApiContractTest -Dapi.contract.write=true</pre>
 * A missing snapshot fails a normal run.
 */
@SpringBootTest(properties = {
        "gongkai.ledger.private-key-file=src/test/resources/ledger-test-key/ledger-ed25519.key",
        "gongkai.ledger.public-key-file=src/test/resources/ledger-test-key/ledger-ed25519.pub",
        "gongkai.demo-institutions=false"})
@AutoConfigureMockMvc
@ActiveProfiles({"test", "demo"})
class ApiContractTest {

    private static final Path SNAPSHOTS = Path.of("src/test/resources/api-contract");
    private static final String PASSWORD = Acting.PASSWORD;
    private static final String ADMIN_PASSWORD = "Test-Admin-Passw0rd";
    private static final String ORG = "ycsjyj";
    private static final String OTHER_ORG = "ycsmzj";
    private static final String MASKED = "<varies between runs>";

    /**
     * Values that differ from run to run, replaced by {@link #MASKED}: the moments that entities stamp with the
     * system time rather than the platform clock (and a generated guide's date, the day its organisation's data
     * changed), and random secrets (query codes, access codes).
     */
    private static final Set<String> VARYING_KEYS = Set.of("createdAt", "updatedAt", "accessCode", "updatedOn");

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        @Primary
        Clock contractClock() {
            return Clock.fixed(LocalDateTime.of(2026, 11, 27, 10, 0).atZone(PlatformConfiguration.CHINA).toInstant(),
                    PlatformConfiguration.CHINA);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Accounts accounts;

    private final JsonSnapshots snapshots = new JsonSnapshots(SNAPSHOTS, Boolean.getBoolean("api.contract.write"));

    /** Entries are "snapshot name prefix|path", "*" for every snapshot. */
    @Test
    void everyEndpointAnswersAsItsSnapshotSays() throws Exception {
        users();
        referenceData();
        ledger();
        publishedRecords();
        recordWorkflow();
        informationRequests();
        accountsAndAudit();
        openData();
        assertThat(snapshots.differences()).as("answers that differ from their snapshot").isEmpty();
    }

    private void users() {
        as(Acting.cityAdmin(), () -> {
            user("c-editor", ORG, Role.EDITOR);
            user("c-reviewer", ORG, Role.REVIEWER);
            user("c-approver", ORG, Role.APPROVER);
            user("c-auditor", ORG, Role.AUDITOR);
            user("c-other-editor", OTHER_ORG, Role.EDITOR);
            user("c-other-approver", OTHER_ORG, Role.APPROVER);
        });
    }

    private void user(String name, String org, Role role) {
        accounts.create(new NewUser(name, PASSWORD, "契约测试" + role.name(), org, EnumSet.of(role)));
    }

    private void referenceData() throws Exception {
        call("catalog", get("/api/v1/catalog"));
        call("catalog-item", get("/api/v1/catalog/items/ed-policy"));
        call("catalog-item-unknown", get("/api/v1/catalog/items/no-such-item"));
        call("catalog-subject-classes", get("/api/v1/catalog/subject-classes"));
        call("orgs", get("/api/v1/orgs"));
        call("orgs-in-region", get("/api/v1/orgs").param("region", "360902"));
        call("orgs-one", get("/api/v1/orgs/ycsjyj"));
        call("orgs-unknown", get("/api/v1/orgs/no-such-org"));
        call("orgs-guide", get("/api/v1/orgs/ycsjyj/guide"));
        call("orgs-guide-unknown", get("/api/v1/orgs/no-such-org/guide"));
        call("regions", get("/api/v1/regions"));
        call("regions-children", get("/api/v1/regions").param("parent", "360902"));
        call("regions-one", get("/api/v1/regions/360902"));
        call("regions-unknown", get("/api/v1/regions/999999"));
        call("privacy-policy", get("/api/v1/privacy/policy"));
        call("calendar-year", get("/api/v1/calendar/2026"));
        call("calendar-year-bad", get("/api/v1/calendar/26x"));
        call("calendar-deadline", get("/api/v1/calendar/deadline").param("from", "2026-09-28")
                .param("workingDays", "20"));
        call("calendar-deadline-bad", get("/api/v1/calendar/deadline").param("from", "28.9.2026")
                .param("workingDays", "-1"));
        call("calendar-deadline-missing", get("/api/v1/calendar/deadline"));
        call("search", get("/api/v1/search").param("q", "学前教育"));
        call("search-facets", get("/api/v1/search").param("q", "资金").param("domain", "social-assistance")
                .param("year", "2026"));
        call("search-empty", get("/api/v1/search"));
        call("search-lenient", get("/api/v1/search").param("q", "教育").param("page", "x").param("year", "y"));
        call("search-ordered", get("/api/v1/search").param("q", "宜春").param("order", "date"));
        call("search-advanced", get("/api/v1/search").param("q", "救助").param("titleOnly", "true")
                .param("kind", "data").param("org", "ycsmzj").param("from", "2026-11-27").param("to", "2026-11-27"));
        call("search-filter-empties", get("/api/v1/search").param("q", "资金").param("domain", "education")
                .param("org", "ycsmzj"));
        call("search-bad-date", get("/api/v1/search").param("q", "救助").param("from", "2026-13-45"));
        call("search-reversed-dates", get("/api/v1/search").param("q", "救助").param("from", "2026-11-30")
                .param("to", "2026-11-01"));
        call("search-suggest", get("/api/v1/search/suggest").param("q", "市民政局"));
        call("search-suggest-titles", get("/api/v1/search/suggest").param("q", "救助款物"));
        call("search-suggest-one-character", get("/api/v1/search/suggest").param("q", "民"));
        call("search-suggest-blank", get("/api/v1/search/suggest"));
        call("annual-report", get("/api/v1/annual-reports/ycsjyj/2026"));
        call("annual-report-bad-year", get("/api/v1/annual-reports/ycsjyj/1999"));
        call("annual-report-not-a-year", get("/api/v1/annual-reports/ycsjyj/year"));
        call("annual-report-unknown-org", get("/api/v1/annual-reports/no-such-org/2026"));
        call("not-an-endpoint", get("/api/v1/nothing-here"));
        call("wrong-method", put("/api/v1/catalog"));
    }

    private void openData() throws Exception {
        call("datasets", get("/api/v1/datasets"));
        call("datasets-search", get("/api/v1/datasets").param("q", "低保").param("county", "360981"));
        call("datasets-domain", get("/api/v1/datasets").param("domain", "social-assistance").param("page", "1"));
        call("datasets-bad-county", get("/api/v1/datasets").param("county", "999999"));
        call("datasets-bad-page", get("/api/v1/datasets").param("page", "0"));
        call("datasets-one", get("/api/v1/datasets/sa-funds-fcszf"));
        call("datasets-unknown", get("/api/v1/datasets/no-such-dataset"));
        call("ckan-status", get("/api/3/action/status_show"));
        call("ckan-package-list", get("/api/3/action/package_list"));
        call("ckan-package-search", get("/api/3/action/package_search").param("q", "低保")
                .param("fq", "county:360981").param("facet.field", "[\"organization\",\"groups\"]"));
        call("ckan-package-search-sorted", get("/api/3/action/package_search").param("fq", "groups:social-assistance")
                .param("sort", "name asc").param("rows", "2"));
        call("ckan-package-search-bad-sort", get("/api/3/action/package_search").param("sort", "color desc"));
        call("ckan-package-search-bad-fq", get("/api/3/action/package_search").param("fq", "colour:red"));
        call("ckan-package-show", get("/api/3/action/package_show").param("id", "sa-funds-fcszf"));
        call("ckan-package-show-unknown", get("/api/3/action/package_show").param("id", "no-such-dataset"));
        call("ckan-organization-list", get("/api/3/action/organization_list"));
        call("ckan-group-show", get("/api/3/action/group_show").param("id", "social-assistance"));
        call("ckan-resource-show", get("/api/3/action/resource_show").param("id", "sa-funds-fcszf-2026-csv"));
        call("ckan-unknown-action", get("/api/3/action/package_shoow"));
    }

    private void ledger() throws Exception {
        call("ledger-sth", get("/api/v1/ledger/sth"));
        call("ledger-sth-of-size", get("/api/v1/ledger/sth").param("treeSize", "3"));
        call("ledger-sth-too-large", get("/api/v1/ledger/sth").param("treeSize", "100000"));
        call("ledger-inclusion", get("/api/v1/ledger/proof/inclusion").param("leafIndex", "2")
                .param("treeSize", "10"));
        call("ledger-inclusion-latest", get("/api/v1/ledger/proof/inclusion").param("leafIndex", "0"));
        call("ledger-inclusion-bad", get("/api/v1/ledger/proof/inclusion").param("leafIndex", "20")
                .param("treeSize", "10"));
        call("ledger-inclusion-missing", get("/api/v1/ledger/proof/inclusion"));
        call("ledger-consistency", get("/api/v1/ledger/proof/consistency").param("first", "3")
                .param("second", "12"));
        call("ledger-consistency-bad", get("/api/v1/ledger/proof/consistency").param("first", "12")
                .param("second", "3"));
        call("ledger-consistency-not-a-number", get("/api/v1/ledger/proof/consistency").param("first", "a")
                .param("second", "3"));
        call("ledger-entry", get("/api/v1/ledger/entries/0"));
        call("ledger-entry-unknown", get("/api/v1/ledger/entries/100000"));
    }

    private void publishedRecords() throws Exception {
        JsonNode list = call("records", get("/api/v1/records"));
        call("records-page-2", get("/api/v1/records").param("page", "1").param("size", "5"));
        call("records-by-org", get("/api/v1/records").param("org", ORG));
        call("records-by-domain-and-dates", get("/api/v1/records").param("domain", "education")
                .param("from", "2026-06-01").param("to", "2026-09-30"));
        call("records-by-region-and-item", get("/api/v1/records").param("region", "360900")
                .param("item", "ed-funding"));
        call("records-bad-date", get("/api/v1/records").param("from", "gestern"));
        String indexNo = list.get("records").get(0).get("indexNo").asString();
        call("records-one", get(URI.create("/api/v1/records/" + encoded(indexNo))));
        call("records-one-slashed", get("/api/v1/records/" + indexNo));
        call("records-one-version", get(URI.create("/api/v1/records/" + encoded(indexNo) + "?version=1")));
        call("records-targeted-not-listed", get("/api/v1/records").param("item", "pa-fund-use"));
        String targetedNo = encoded(jdbc.queryForObject("SELECT MIN(index_no) FROM disclosure_record "
                + "WHERE audience = 'TARGETED'", String.class));
        call("records-targeted-without-code", get(URI.create("/api/v1/records/" + targetedNo)));
        call("records-targeted-wrong-code", get(URI.create("/api/v1/records/" + targetedNo + "?code=WRONG1")));
        call("records-targeted-staff", get(URI.create("/api/v1/records/" + targetedNo)).with(admin()));
        call("records-one-unknown", get("/api/v1/records/no-such-record"));
        call("records-one-bad-version", get(URI.create("/api/v1/records/" + encoded(indexNo) + "?version=x")));
    }

    private void recordWorkflow() throws Exception {
        String draftBody = """
                {"catalogItem":"ed-funding","org":"ycsjyj","region":"360900","title":"契约测试：2026年教育经费执行情况",
                 "writtenOn":"2026-11-20","body":"<p>执行情况如下。联系电话13907950123。</p>",
                 "keywords":["教育经费"],"audience":"public"}
                """;
        call("records-create-unsigned", json(post("/api/v1/records"), draftBody));
        call("records-create-forbidden", json(post("/api/v1/records"), draftBody).with(basic("c-reviewer")));
        call("records-create-invalid", json(post("/api/v1/records"), "{\"catalogItem\":\"ed-funding\"}")
                .with(basic("c-editor")));
        call("records-create-unreadable", json(post("/api/v1/records"), "{\"writtenOn\":\"soon\"")
                .with(basic("c-editor")));
        call("records-create-unknown-item", json(post("/api/v1/records"), draftBody.replace("ed-funding", "no-item"))
                .with(basic("c-editor")));
        call("records-create-not-json", post("/api/v1/records").contentType(MediaType.TEXT_PLAIN).content("x")
                .with(basic("c-editor")));
        call("records-create-other-org", json(post("/api/v1/records"), draftBody).with(basic("c-other-editor")));
        JsonNode created = call("records-create", json(post("/api/v1/records"), draftBody).with(basic("c-editor")));
        String draft = created.get("indexNo").asString();
        String base = "/api/v1/records/" + draft;
        call("records-update", json(put(base), draftBody.replace("契约测试：", "契约测试（改）："))
                .with(basic("c-editor")));
        call("records-update-invalid", json(put(base), "{}").with(basic("c-editor")));
        call("records-problems", get(base + "/problems").with(basic("c-editor")));
        call("records-problems-forbidden", get(base + "/problems").with(basic("c-other-editor")));
        call("records-masking", json(post(base + "/masking"), "{\"reason\":\"隐去个人电话\"}").with(basic("c-editor")));
        call("records-data", multipart(base + "/data").file(new MockMultipartFile("file", "rows.csv", "text/csv",
                ("年度,单位,经费来源,预算金额,执行金额,主要用途\n2026,宜春市教育局（本级）,一般公共预算拨款,100.00,50.00,"
                        + "人员经费\n").getBytes(StandardCharsets.UTF_8))).with(basic("c-editor")));
        call("records-data-bad", multipart(base + "/data").file(new MockMultipartFile("file", "rows.csv",
                "text/csv", "年度,未知列\n20x6,?\n".getBytes(StandardCharsets.UTF_8))).with(basic("c-editor")));
        call("records-attachment-refused", multipart(base + "/attachments").file(new MockMultipartFile("file",
                "run.exe", "application/octet-stream", new byte[] {'M', 'Z', 0, 1})).with(basic("c-editor")));
        call("records-attachment-text", multipart(base + "/attachments").file(new MockMultipartFile("file",
                "说明.txt", "text/plain", "经费执行说明。".getBytes(StandardCharsets.UTF_8)))
                .with(basic("c-editor")));
        call("records-attachment", multipart(base + "/attachments").file(new MockMultipartFile("file",
                "说明.pdf", "application/pdf", pdf("Notes on the 2026 education budget")))
                .param("altText", "经费执行说明").with(basic("c-editor")));
        call("records-review-too-early", json(post(base + "/review"), "{\"decision\":\"PASS\"}")
                .with(basic("c-reviewer")));
        call("records-submit-forbidden", post(base + "/submit").with(basic("c-reviewer")));
        call("records-submit", post(base + "/submit").with(basic("c-editor")));
        call("records-submit-again", post(base + "/submit").with(basic("c-editor")));
        call("records-update-submitted", json(put(base), draftBody).with(basic("c-editor")));
        call("records-review-no-decision", json(post(base + "/review"), "{}").with(basic("c-reviewer")));
        call("records-review-bad-decision", json(post(base + "/review"), "{\"decision\":\"MAYBE\"}")
                .with(basic("c-reviewer")));
        call("records-review-by-editor", json(post(base + "/review"), "{\"decision\":\"PASS\"}")
                .with(basic("c-editor")));
        call("records-review-reject", json(post(base + "/review"), "{\"decision\":\"REJECT\",\"comment\":\"请补充\"}")
                .with(basic("c-reviewer")));
        call("records-resubmit", post(base + "/submit").with(basic("c-editor")));
        call("records-review", json(post(base + "/review"), "{\"decision\":\"PASS\",\"comment\":\"同意\"}")
                .with(basic("c-reviewer")));
        call("records-approve-by-reviewer", json(post(base + "/approve"), "{\"decision\":\"PASS\"}")
                .with(basic("c-reviewer")));
        JsonNode approved = call("records-approve", json(post(base + "/approve"),
                "{\"decision\":\"PASS\",\"comment\":\"发布\"}").with(basic("c-approver")));
        String indexNo = approved.get("indexNo").asString();
        String published = "/api/v1/records/" + encoded(indexNo);
        call("records-published", get(URI.create(published)));
        call("records-published-by-draft-key", get(base).with(basic("c-editor")));
        call("records-revise", post(URI.create(published + "/revise")).with(basic("c-editor")));
        call("records-withdraw-no-reason", json(post(URI.create(published + "/withdraw")), "{}")
                .with(basic("c-approver")));
        call("records-withdraw-by-editor", json(post(URI.create(published + "/withdraw")), "{\"reason\":\"有误\"}")
                .with(basic("c-editor")));
        call("records-withdraw", json(post(URI.create(published + "/withdraw")), "{\"reason\":\"数据有误，重新发布\"}")
                .with(basic("c-approver")));
        call("records-withdrawn", get(URI.create(published)));
        call("records-submit-unknown", post("/api/v1/records/draft-999999/submit").with(basic("c-editor")));
        call("records-targeted-draft", json(post("/api/v1/records"), draftBody.replace("\"public\"", "\"targeted\"")
                .replace("}", ",\"targetGroup\":\"市直学校财务人员\"}")).with(basic("c-editor")));
    }

    private void informationRequests() throws Exception {
        String ask = """
                {"org":"ycsjyj","applicantType":"NATURAL_PERSON","name":"契示例","idType":"RESIDENT_ID",
                 "idNumber":"360902198501010013","phone":"13907950001","address":"宜春市袁州区示例路1号",
                 "description":"2026年秋季学期义务教育阶段学生资助资金分配表","purpose":"了解政策","preferredForm":"ONLINE"}
                """;
        call("requests-create-invalid", json(post("/api/v1/requests"), "{\"org\":\"ycsjyj\",\"applicantType\":\"X\"}"));
        call("requests-create-unreadable", json(post("/api/v1/requests"), "[1,"));
        call("requests-create-staff-entry-unsigned", json(post("/api/v1/requests"),
                ask.replace("}", ",\"channel\":\"POST_ORDINARY\",\"arrivedOn\":\"2026-11-20\"}")));
        call("requests-create-staff-entry-unconfirmed", json(post("/api/v1/requests"),
                ask.replace("}", ",\"channel\":\"POST_ORDINARY\",\"arrivedOn\":\"2026-11-20\"}"))
                .with(basic("c-editor")));
        call("requests-create-staff-entry", json(post("/api/v1/requests"), ask.replace("2026年秋季", "2025年秋季")
                .replace("}", ",\"channel\":\"POST_ORDINARY\",\"arrivedOn\":\"2026-11-20\","
                        + "\"confirmedOn\":\"2026-11-23\"}")).with(basic("c-editor")));
        JsonNode created = call("requests-create", json(post("/api/v1/requests"), ask));
        String no = created.get("trackingNo").asString();
        String code = created.get("code").asString();
        String base = "/api/v1/requests/" + no;
        call("requests-track", get(base).param("code", code));
        call("requests-track-wrong-code", get(base).param("code", "WRONGCODE2"));
        call("requests-read-unsigned", get(base));
        call("requests-read-other-org", get(base).with(basic("c-other-editor")));
        call("requests-read-staff", get(base).with(basic("c-editor")));
        call("requests-read-unknown", get("/api/v1/requests/SQ2026-99999").with(basic("c-editor")));
        call("requests-inbox", get("/api/v1/requests").param("org", ORG).with(basic("c-editor")));
        call("requests-inbox-all", get("/api/v1/requests").param("org", ORG).param("open", "false")
                .with(basic("c-editor")));
        call("requests-inbox-other-org", get("/api/v1/requests").param("org", ORG).with(basic("c-other-editor")));
        call("requests-inbox-missing-org", get("/api/v1/requests").with(basic("c-editor")));
        call("requests-fee-quote", get(base + "/fee-quote").param("pages", "120").with(basic("c-editor")));
        call("requests-correction-invalid", json(post(base + "/correction"), "{\"items\":[]}").with(basic("c-editor")));
        call("requests-correction", json(post(base + "/correction"),
                "{\"items\":[\"请说明所需信息的学校范围\"],\"deadline\":\"2026-12-11\"}").with(basic("c-editor")));
        call("requests-corrected-by-applicant", json(post(base + "/corrected").param("code", code),
                "{\"description\":\"宜春市中心城区义务教育学校2026年秋季学期学生资助资金分配表\"}"));
        call("requests-consultation", json(post(base + "/consultation"),
                "{\"party\":\"宜春市示例学校\",\"sentOn\":\"2026-11-27\"}").with(basic("c-editor")));
        call("requests-consultation-reply", json(post(base + "/consultation-reply"),
                "{\"receivedOn\":\"2026-11-27\",\"opinion\":\"同意公开\"}").with(basic("c-editor")));
        call("requests-extension-by-editor", json(post(base + "/extension"), "{\"reason\":\"需要汇总\"}")
                .with(basic("c-editor")));
        call("requests-extension", json(post(base + "/extension"), "{\"reason\":\"涉及多所学校，需要汇总\"}")
                .with(basic("c-approver")));
        call("requests-extension-again", json(post(base + "/extension"), "{\"reason\":\"再次延期\"}")
                .with(basic("c-approver")));
        call("requests-fee-by-editor", json(post(base + "/fee"), "{\"method\":\"PER_PIECE\",\"pages\":200}")
                .with(basic("c-editor")));
        call("requests-fee-invalid", json(post(base + "/fee"), "{\"method\":\"GRATIS\",\"pages\":-1}")
                .with(basic("c-approver")));
        call("requests-fee", json(post(base + "/fee"), "{\"method\":\"PER_VOLUME\",\"pages\":200}")
                .with(basic("c-approver")));
        call("requests-fee-paid", json(post(base + "/fee-paid"), "{\"paidOn\":\"2026-11-27\"}")
                .with(basic("c-editor")));
        call("requests-code-unverified", json(post(base + "/code"), "{\"verifiedBy\":\"  \"}").with(basic("c-editor")));
        call("requests-code", json(post(base + "/code"), "{\"verifiedBy\":\"申请人持居民身份证到窗口办理\"}")
                .with(basic("c-editor")));
        String proposal = "{\"catalogItem\":\"ed-funding\",\"title\":\"2026年秋季学期学生资助资金分配表\","
                + "\"reason\":\"多人申请\"}";
        call("requests-proposal-too-early", json(post(base + "/proposal"), proposal).with(basic("c-editor")));
        call("requests-reply-invalid", json(post(base + "/reply"), "{\"outcome\":\"MAYBE\",\"text\":\"\"}")
                .with(basic("c-approver")));
        call("requests-reply-by-editor", json(post(base + "/reply"), "{\"outcome\":\"PUBLIC\",\"text\":\"见附件。\"}")
                .with(basic("c-editor")));
        call("requests-reply", json(post(base + "/reply"), "{\"outcome\":\"PUBLIC\",\"text\":\"分配表见附件。\"}")
                .with(basic("c-approver")));
        call("requests-proposal", json(post(base + "/proposal"), proposal).with(basic("c-editor")));
        call("requests-letter", get(base + "/letter.pdf").with(basic("c-editor")));
        call("requests-letter-other-org", get(base + "/letter.pdf").with(basic("c-other-approver")));
        call("requests-delivery", json(post(base + "/delivery"), "{\"form\":\"ONLINE\",\"deliveredOn\":\"2026-11-27\"}")
                .with(basic("c-editor")));
        call("requests-extension-closed", json(post(base + "/extension"), "{\"reason\":\"来不及\"}")
                .with(basic("c-approver")));
        JsonNode other = call("requests-create-to-transfer", json(post("/api/v1/requests"),
                ask.replace("2026年秋季", "2026年城乡低保")));
        String second = "/api/v1/requests/" + other.get("trackingNo").asString();
        call("requests-transfer-invalid", json(post(second + "/transfer"), "{}").with(basic("c-approver")));
        call("requests-transfer-by-editor", json(post(second + "/transfer"),
                "{\"org\":\"ycsmzj\",\"reason\":\"属民政部门职责\"}").with(basic("c-editor")));
        call("requests-transfer", json(post(second + "/transfer"), "{\"org\":\"ycsmzj\",\"reason\":\"属民政部门职责\"}")
                .with(basic("c-approver")));
        call("requests-read-after-transfer", get(second).with(basic("c-other-editor")));
        call("requests-corrected-by-staff", json(post(second + "/corrected"),
                "{\"description\":\"补正\",\"receivedOn\":\"2026-11-27\"}").with(basic("c-editor")));
    }

    private void accountsAndAudit() throws Exception {
        String newUser = """
                {"username":"c-api-user","password":"Contract-Passw0rd-1","displayName":"接口用户","org":"ycsjyj",
                 "roles":["EDITOR"]}
                """;
        call("account-create-user-forbidden", json(post("/api/v1/users"), newUser).with(basic("c-editor")));
        call("account-create-user-invalid", json(post("/api/v1/users"),
                "{\"username\":\"x\",\"password\":\"short\",\"roles\":[]}").with(admin()));
        call("account-create-user-bad-role", json(post("/api/v1/users"), newUser.replace("EDITOR", "KING"))
                .with(admin()));
        call("account-create-user", json(post("/api/v1/users"), newUser).with(admin()));
        call("account-create-user-again", json(post("/api/v1/users"), newUser).with(admin()));
        call("account-users", get("/api/v1/users").with(admin()));
        call("account-users-of-org-admin", get("/api/v1/users").with(basic("c-editor")));
        call("account-me", get("/api/v1/me").with(basic("c-editor")));
        call("account-me-admin", get("/api/v1/me").with(admin()));
        call("account-me-unsigned", get("/api/v1/me"));
        call("account-me-wrong-password", get("/api/v1/me").with(httpBasic("c-editor", "wrong-password-1")));
        Actor editor = new Actor("c-editor", ORG, EnumSet.of(Role.EDITOR), false);
        IssuedToken token = as(editor, () -> accounts.issueToken("契约测试脚本", 30));
        call("account-me-token", get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token.secret()));
        call("account-me-bad-token", get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer gk_not-a-token"));
        call("account-audit", get("/api/v1/audit").with(admin()));
        call("account-audit-filtered", get("/api/v1/audit").param("actor", "c-editor").param("targetType", "record")
                .param("from", "2026-11-27").param("to", "2026-11-27").with(admin()));
        call("account-audit-page-2", get("/api/v1/audit").param("page", "1").with(admin()));
        call("account-audit-forbidden", get("/api/v1/audit").with(basic("c-editor")));
        call("account-audit-auditor", get("/api/v1/audit").param("targetType", "user").with(basic("c-auditor")));
        call("account-audit-bad-date", get("/api/v1/audit").param("from", "yesterday").with(admin()));
    }

    /** Performs one call, compares its answer with the snapshot, and returns the JSON body (null if none). */
    private JsonNode call(String name, RequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        ObjectNode answer = JsonSnapshots.object();
        answer.put("status", response.getStatus());
        String type = response.getContentType();
        answer.put("contentType", type);
        if (response.getHeader(HttpHeaders.LOCATION) != null) {
            answer.put("location", response.getHeader(HttpHeaders.LOCATION));
        }
        JsonNode body = null;
        if (type != null && type.contains("json")) {
            body = JsonSnapshots.parse(response.getContentAsString(StandardCharsets.UTF_8));
            answer.set("body", masked(name, body.deepCopy()));
        }
        snapshots.check(name, answer);
        return body;
    }

    /**
     * The body with {@link #VARYING_KEYS} and a request's query code masked.
     */
    private static JsonNode masked(String name, JsonNode body) {
        if (name.startsWith("requests-") && body instanceof ObjectNode object && object.has("code")
                && object.has("trackingNo")) {
            object.put("code", MASKED);
        }
        maskVarying(body);
        return body;
    }

    private static void maskVarying(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String key : VARYING_KEYS) {
                if (object.hasNonNull(key)) {
                    object.put(key, MASKED);
                }
            }
        }
        node.forEach(ApiContractTest::maskVarying);
    }

    /** A one-page PDF, the same bytes on every run (PDFBox would otherwise make its file ID from the time). */
    private static byte[] pdf(String text) throws java.io.IOException {
        try (PDDocument document = Loader.loadPDF(UploadFiles.pdf(text));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            COSArray id = new COSArray();
            id.add(new COSString("api-contract"));
            id.add(new COSString("api-contract"));
            document.getDocument().getTrailer().setItem(COSName.ID, id);
            document.save(out);
            return out.toByteArray();
        }
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static RequestPostProcessor basic(String username) {
        return httpBasic(username, PASSWORD);
    }

    private static RequestPostProcessor admin() {
        return httpBasic("admin", ADMIN_PASSWORD);
    }

    private static String encoded(String indexNo) {
        return UriUtils.encodePathSegment(indexNo, StandardCharsets.UTF_8);
    }
}
