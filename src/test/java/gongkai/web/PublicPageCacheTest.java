package gongkai.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.util.UriUtils;

import gongkai.account.Accounts;
import gongkai.account.Residents;
import gongkai.publishing.Drafting;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordInput;
import gongkai.publishing.Records;
import gongkai.shared.PublicPagesChanged;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.HttpVisitor;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public pages are rendered once and then served from memory (PageCache) until something they show changes — over
 * real HTTP, as a browser meets them: every page a publication touches shows it at once; an unchanged page is answered
 * 304; pages come gzip-compressed to those who accept it; signed-in staff and residents always get a page rendered for
 * them, and what is rendered for them is never served to anyone else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PublicPageCacheTest {

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

    private static final Pattern HITS = Pattern.compile("gongkai_page_cache_requests_total\\{result=\"hit\"} (\\S+)");

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Residents residents;
    @Autowired
    Records records;
    @Autowired
    Drafting drafting;
    @Autowired
    Publishing publishing;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEventPublisher events;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String page(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    /** Requests answered from memory so far, as the metrics endpoint reports them to whoever runs the platform. */
    private double hits() throws IOException, InterruptedException {
        Matcher m = HITS.matcher(new String(get("/actuator/prometheus").body(), StandardCharsets.UTF_8));
        assertThat(m.find()).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static String encoded(String indexNo) {
        return UriUtils.encodePathSegment(indexNo, StandardCharsets.UTF_8);
    }

    private static RecordInput campaign(String title, String region) {
        return new RecordInput("he-campaign", "ycswjw", region, title, "", null, LocalDate.of(2026, 11, 2),
                "<p>活动安排如下。</p>", List.of("健康中国行"), null, null, null, null, List.of(), null, null);
    }

    @Test
    void aPublicationShowsAtOnceOnEveryPageThatListsIt() throws Exception {
        String township = "360921101";
        List<String> pages = List.of("/", "/domains/health", "/catalog/he-campaign", "/orgs/ycswjw",
                "/regions/" + township, "/regions/360921", "/regions/360900", "/records", "/records?item=he-campaign");
        String title = "赤岸镇健康中国行活动安排（缓存测试" + System.nanoTime() + "）";
        for (String p : pages) {
            page(p);
        }
        double before = hits();
        for (String p : pages) {
            assertThat(page(p)).as(p).doesNotContain(title);
        }
        assertThat(hits() - before).as("every page served from memory").isEqualTo(pages.size());

        String indexNo = review.publish(Staff.of("ycswjw"), campaign(title, township));

        for (String p : pages) {
            assertThat(page(p)).as(p).contains(title);
        }
        assertThat(page("/records/" + encoded(indexNo))).contains(title, "本版已记入公开账本");
    }

    @Test
    void aRecordPageFollowsItsRevisionAndWithdrawal() throws Exception {
        Staff staff = Staff.of("ycswjw");
        String title = "健康中国行宜春站（修订前" + System.nanoTime() + "）";
        String indexNo = review.publish(staff, campaign(title, "360900"));
        String path = "/records/" + encoded(indexNo);
        assertThat(page(path)).contains(title);
        double before = hits();
        assertThat(page(path)).contains(title);
        assertThat(hits() - before).isEqualTo(1);

        String revised = title.replace("修订前", "修订后");
        as(staff.editor(), () -> publishing.revise(indexNo));
        as(staff.editor(), () -> drafting.update(indexNo, campaign(revised, "360900")));
        review.pass(staff, indexNo);
        assertThat(page(path)).contains(revised, "第 <span>2</span> 版").doesNotContain(title);
        assertThat(page(path + "?version=1")).contains(title);
        assertThat(page("/")).contains(revised);

        as(staff.approver(), () -> publishing.withdraw(indexNo, "活动取消"));
        assertThat(page(path)).contains("本信息已于", "撤回理由：<span>活动取消</span>", "&quot;action&quot;:&quot;WITHDRAW&quot;");
        assertThat(page("/")).doesNotContain(revised);
    }

    @Test
    void anUnchangedPageIsAnswered304AndRevalidatedEachTime() throws Exception {
        HttpResponse<byte[]> first = get("/orgs/ycsmzj");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");

        HttpResponse<byte[]> byTag = get("/orgs/ycsmzj", "If-None-Match", etag);
        assertThat(byTag.statusCode()).isEqualTo(304);
        assertThat(byTag.body()).isEmpty();
        assertThat(byTag.headers().firstValue("ETag")).hasValue(etag);
        assertThat(get("/orgs/ycsmzj", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(get("/orgs/ycsmzj", "If-None-Match", "\"an-older-page\"").statusCode()).isEqualTo(200);
    }

    @Test
    void pagesComeCompressedToThoseWhoAcceptIt() throws Exception {
        byte[] plain = get("/catalog/pa-project").body();
        HttpResponse<byte[]> gzip = get("/catalog/pa-project", "Accept-Encoding", "gzip");
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzip.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(gzip.body().length).isLessThan(plain.length / 2);
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
        // What is not kept is compressed by the server as it goes: a search, the catalogue as JSON, the stylesheet.
        for (String path : new String[] {"/search?q=%E4%BD%8E%E4%BF%9D", "/api/v1/catalog", "/css/site.css"}) {
            assertThat(get(path, "Accept-Encoding", "gzip").headers().firstValue("Content-Encoding")).as(path)
                    .hasValue("gzip");
        }
    }

    @Test
    void pagesLinkTheirAssetsByTheNameOfTheirContent() throws Exception {
        String home = page("/");
        Matcher css = Pattern.compile("href=\"(/css/site-[0-9a-f]{32}\\.css)\"").matcher(home);
        assertThat(css.find()).isTrue();
        HttpResponse<byte[]> asset = get(css.group(1));
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
        assertThat(page("/verify")).containsPattern("src=\"/js/verify-[0-9a-f]{32}\\.js\"");
    }

    @Test
    void signedInStaffSeeFreshPagesAndLeaveNothingBehindForOthers() throws Exception {
        String before = jdbc.queryForObject("SELECT name FROM region WHERE code = '360902'", String.class);
        String renamed = before + "（未经通知的改名）";
        assertThat(page("/")).contains(before);
        try {
            // Changed behind the platform's back (no event): only a page rendered afresh shows it.
            jdbc.update("UPDATE region SET name = ? WHERE code = '360902'", renamed);
            assertThat(page("/")).as("anonymous: the kept page").doesNotContain(renamed);

            HttpVisitor staff = new HttpVisitor(port);
            staff.signIn(Acting.newUser(accounts, "ycswjw", Role.EDITOR), Acting.PASSWORD);
            double hits = hits();
            HttpResponse<String> fresh = staff.get("/");
            assertThat(fresh.body()).contains(renamed);
            assertThat(fresh.headers().firstValue("ETag")).isEmpty();
            assertThat(fresh.headers().firstValue("Cache-Control")).hasValueSatisfying(
                    c -> assertThat(c).contains("no-store"));
            assertThat(hits()).isEqualTo(hits);

            assertThat(page("/")).as("anonymous: the staff member's page was not kept").doesNotContain(renamed);
        } finally {
            jdbc.update("UPDATE region SET name = ? WHERE code = '360902'", before);
            // The generic way for a module to say what it changed.
            events.publishEvent(PublicPagesChanged.of(PublicPagesChanged.EVERYTHING));
        }
        assertThat(page("/")).contains(before).doesNotContain(renamed);
    }

    @Test
    void aResidentWithTargetedAccessNeverGetsAKeptPageNorLeavesOne() throws Exception {
        String township = "360921101";
        Staff office = Staff.of("fxxzf");
        String title = "某镇2026年扶贫资金分配使用情况（缓存测试" + System.nanoTime() + "）";
        String indexNo = review.publish(office, new RecordInput("pa-fund-use", "fxxzf", township, title, "", null,
                LocalDate.of(2026, 10, 8), "", List.of(), null, "脱贫户", null, null,
                List.of(Map.of("资金名称", "衔接资金", "资金来源", "中央", "下达金额", "100000.00", "分配对象", "某村",
                        "使用方向", "产业发展", "拨付日期", "2026-09-01")), null, null));
        String code = as(office.approver(), () -> records.view(indexNo, null)).accessCode();
        String path = "/records/" + encoded(indexNo);

        HttpVisitor resident = new HttpVisitor(port);
        String username = "res" + System.nanoTime() % 100000000;
        resident.get("/residents/register");
        resident.post("/residents/register", Map.of("username", username, "password", "Resident-Passw0rd",
                "displayName", "居民" + username, "phone", "0795-3201234", "region", township));
        as(Acting.actor("fxxzf", Role.ADMIN), () -> residents.confirm(username));
        resident.signIn(username, "Resident-Passw0rd");

        page("/");
        double hits = hits();
        HttpResponse<String> own = resident.get(path);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains(title, "衔接资金");
        assertThat(own.headers().firstValue("ETag")).as("rendered for the resident").isEmpty();
        assertThat(resident.get("/").headers().firstValue("ETag")).as("the kept home page is not for them").isEmpty();
        assertThat(hits()).isEqualTo(hits);

        HttpResponse<byte[]> anonymous = get(path);
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(new String(anonymous.body(), StandardCharsets.UTF_8)).doesNotContain(title);
        // With the code, the record is rendered for that request only.
        HttpResponse<byte[]> withCode = get(path + "?code=" + code);
        assertThat(new String(withCode.body(), StandardCharsets.UTF_8)).contains(title);
        assertThat(withCode.headers().firstValue("ETag")).isEmpty();
        assertThat(get(path).statusCode()).isEqualTo(403);
        assertThat(new String(get("/").body(), StandardCharsets.UTF_8)).doesNotContain(title);
    }

    @Test
    void aLedgerEntryArrivingAfterThePublicationRefreshesTheRecordPage() throws Exception {
        String title = "健康中国行宜春站（账本测试" + System.nanoTime() + "）";
        String indexNo = review.publish(Staff.of("ycswjw"), campaign(title, "360900"));
        String path = "/records/" + encoded(indexNo);
        page(path);
        double hits = hits();
        page(path);
        assertThat(hits() - hits).isEqualTo(1);
        // The ledger's event when entries are appended (a moment after the commit of what they log).
        events.publishEvent(new gongkai.ledger.EntriesAppended(List.of(indexNo)));
        hits = hits();
        page(path);
        assertThat(hits()).as("rendered again").isEqualTo(hits);
    }
}
