package gongkai.opendata;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.publishing.Publishing;
import gongkai.publishing.RecordInput;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

/**
 * The open-data pages as a visitor uses them: /data with words, filters by field, county and publisher, paging, the
 * empty state and bad filters answered in the page; a dataset's page with its metadata, the first rows with figures
 * as the record pages show them, the chart, the downloads and API addresses, its changes and columns; a withdrawn
 * dataset said plainly; an unknown one a 404 page. Targeted records enter no dataset, and the pages that link in
 * (catalogue item, organisation, record) do.
 *
 * <p>It counts datasets, rows and sums exactly, so it runs in a context (and so an in-memory database) of its own:
 * other test classes publish into the same bodies' datasets.
 */
@PlatformTest
@TestPropertySource(properties = "gongkai.test.own-context=data-pages")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataPagesTest {

    /** County governments: each also answers for 社会救助款物 and 扶贫项目 in its area. */
    private static final String[][] COUNTIES = {{"yzqzf", "360902"}, {"fxxzf", "360921"}, {"wzxzf", "360922"},
            {"sgxzf", "360923"}, {"yfxzf", "360924"}, {"jaxzf", "360925"}, {"tgxzf", "360926"},
            {"fcszf", "360981"}, {"zsszf", "360982"}, {"gaszf", "360983"}};

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

    @Autowired
    MockMvc mvc;
    @Autowired
    Publishing publishing;
    @Autowired
    JdbcTemplate jdbc;

    private String fengchengFunds;
    private String targeted;
    private String withdrawn;

    @BeforeAll
    void everyCountyPublishesItsFundsAndProjects() {
        for (String[] c : COUNTIES) {
            String indexNo = review.publish(Staff.of(c[0]), funds(c[0], c[1]));
            if (c[0].equals("fcszf")) {
                fengchengFunds = indexNo;
            }
            review.publish(Staff.of(c[0]), new RecordInput("pa-project", c[0], c[1], "2026年扶贫项目（数据页测试）",
                    "", null, LocalDate.of(2026, 9, 1), "<p>扶贫项目如下。</p>", List.of(), null, null, null, null,
                    List.of(Map.of("项目名称", "产业扶贫基地", "资金来源", "财政专项", "实施期限", "2026年",
                            "预期目标", "带动增收", "实施单位", "农业农村局", "责任人", "李明", "举报电话", "0795-12345678")),
                    null, null));
        }
        review.publish(Staff.of("ycsmzj"), funds("ycsmzj", "360900"));
        List<Map<String, String>> names = List.of(Map.of("救助项目", "城乡低保", "姓名", "黄小平", "所在村组",
                "黄岗村第三村民小组", "家庭人口", "3", "发放金额", "1395.00", "期间", "2026年10月"));
        targeted = review.publish(Staff.of("fxxzf"), new RecordInput("sa-recipients", "fxxzf", "360921101",
                "黄岗村2026年10月城乡低保资金发放名单（数据页测试）", "", null, LocalDate.of(2026, 10, 31),
                "<p>公示如下。</p>", List.of("城乡低保"), null, "低保户", null, null, names, null, null, "2026-10"));
        withdrawn = review.publish(Staff.of("ycsfpb"), new RecordInput("pa-project", "ycsfpb", "360900",
                "2026年市级扶贫项目（数据页测试，将撤回）", "", null, LocalDate.of(2026, 9, 1), "<p>项目如下。</p>",
                List.of(), null, null, null, null, List.of(Map.of("项目名称", "光伏扶贫", "资金来源", "市财政",
                        "实施期限", "2026年", "预期目标", "增收", "实施单位", "市扶贫办", "责任人", "王芳",
                        "举报电话", "0795-87654321")), null, null));
        as(Staff.of("ycsfpb").approver(), () -> publishing.withdraw(withdrawn, "项目调整"));
    }

    private static RecordInput funds(String org, String region) {
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(Map.of("救助项目", "城乡低保", "资金来源", "中央和省级财政", "金额", "1234567.5", "发放范围", "全市城乡低保对象",
                "期间", "2026年第三季度"));
        rows.add(Map.of("救助项目", "临时救助", "资金来源", "县级财政", "金额", "20000", "发放范围", "临时救助对象",
                "期间", "2026年第三季度"));
        rows.add(Map.of("救助项目", "城乡低保", "资金来源", "县级财政", "金额", "765432.5", "发放范围", "全市城乡低保对象",
                "期间", "2026年第三季度"));
        return new RecordInput("sa-funds", org, region, "2026年第三季度社会救助款物管理使用情况（数据页测试）", "", null,
                LocalDate.of(2026, 10, 15), "<p>现将使用情况公开如下。</p>", List.of("社会救助"), null, null, null, null,
                rows, null, null, "2026-Q3");
    }

    private String page(String path, int status) throws Exception {
        return mvc.perform(get(URI.create(path))).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String q(String words) {
        return URLEncoder.encode(words, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static long count(String html) {
        Matcher m = Pattern.compile("共 (\\d+) 个数据集").matcher(html);
        assertThat(m.find()).as("the page says how many datasets match").isTrue();
        return Long.parseLong(m.group(1));
    }

    private static int listed(String html) {
        int start = html.indexOf("<ul class=\"datasets\">");
        String list = html.substring(start, html.indexOf("</ul>", start));
        return list.split("class=\"dataset-title\"", -1).length - 1;
    }

    @Test
    void theListNamesEachDatasetAndHowToReuseThem() throws Exception {
        String html = page("/data", 200);
        assertThat(html).contains("<h1>数据开放</h1>", "社会救助和社会福利", "精准扶贫精准脱贫",
                "href=\"/data/sa-funds-fcszf\"", "救助款物管理使用情况（丰城市人民政府）", "CSV、XLSX、JSON");
        assertThat(html).as("the facets: fields, counties, publishers").contains("<h2>领域</h2>", "<h2>县（市、区）</h2>",
                "<h2>发布机构</h2>", "/data?domain=social-assistance", "/data?county=360981", "/data?org=fcszf",
                "丰城市", "宜春市（市本级）");
        assertThat(html).as("the reuse intro").contains("https://creativecommons.org/licenses/by/4.0/",
                "/api/3/action/package_search", "/catalog.ttl", "/catalog.jsonld", "/data/changes.atom",
                "/data/bulk/2026.zip");
        assertThat(html).as("a withdrawn dataset is not listed").doesNotContain("href=\"/data/pa-project-ycsfpb\"");
    }

    @Test
    void filtersByFieldCountyAndPublisherNarrowTheListAndCanBeTakenOff() throws Exception {
        String html = page("/data?domain=social-assistance&county=360981", 200);
        assertThat(count(html)).isEqualTo(1);
        assertThat(html).contains("href=\"/data/sa-funds-fcszf\"", "领域：社会救助和社会福利", "县（市、区）：丰城市",
                "href=\"/data?county=360981\"", "href=\"/data?domain=social-assistance\"")
                .doesNotContain("href=\"/data/pa-project-fcszf\"", "href=\"/data/sa-funds-fxxzf\"");
        // The chosen values ride along in the search form, so typing words keeps them.
        assertThat(html).contains("name=\"domain\" value=\"social-assistance\"", "name=\"county\" value=\"360981\"");

        assertThat(page("/data?org=fcszf", 200)).contains("href=\"/data/sa-funds-fcszf\"",
                "href=\"/data/pa-project-fcszf\"").doesNotContain("href=\"/data/sa-funds-fxxzf\"");
        String words = page("/data?q=" + q("救助款物 丰城市"), 200);
        assertThat(count(words)).isEqualTo(1);
        assertThat(words).contains("href=\"/data/sa-funds-fcszf\"", "查找词语：救助款物 丰城市");
    }

    @Test
    void twentyDatasetsAPage() throws Exception {
        String first = page("/data", 200);
        long total = count(first);
        assertThat(total).as("ten counties × two items and the city's bureau").isGreaterThanOrEqualTo(21);
        assertThat(listed(first)).isEqualTo(20);
        assertThat(first).contains("第 1 / " + ((total + 19) / 20) + " 页", "href=\"/data?page=2\"");
        String second = page("/data?page=2", 200);
        assertThat(listed(second)).isEqualTo((int) Math.min(20, total - 20));
        assertThat(second).contains("上一页");
        // The two pages hold different datasets.
        Matcher m = Pattern.compile("class=\"dataset-title\" href=\"([^\"]+)\"").matcher(second);
        assertThat(m.find()).isTrue();
        assertThat(first).doesNotContain("class=\"dataset-title\" href=\"" + m.group(1) + "\"");
    }

    @Test
    void nothingFoundIsSaidPlainly() throws Exception {
        String html = page("/data?q=" + q("月球基地"), 200);
        assertThat(html).contains("没有符合条件的数据集", "查找词语：月球基地").doesNotContain("class=\"dataset-title\"");
    }

    @Test
    void badFiltersAreNamedInThePageAndChangeNothing() throws Exception {
        assertThat(page("/data?domain=no-such-field", 400)).contains("没有代码为“no-such-field”的领域",
                "href=\"/data/sa-funds-fcszf\"");
        assertThat(page("/data?org=nobody", 400)).contains("没有代码为“nobody”的发布机构");
        assertThat(page("/data?county=360921101", 400)).contains("“360921101”不是县（市、区）的区划代码");
        assertThat(page("/data?page=abc", 400)).contains("页码应为正整数");
        assertThat(page("/data?page=99", 400)).contains("没有第 99 页");
        assertThat(page("/data?q=" + q("<script>alert(1)</script>"), 200)).doesNotContain("<script>alert(1)");
    }

    @Test
    void aDatasetPageShowsMetadataPreviewChartDownloadsAndApi() throws Exception {
        String html = page("/data/sa-funds-fcszf", 200);
        assertThat(html).as("metadata").contains("<h1>救助款物管理使用情况（丰城市人民政府）</h1>",
                "href=\"/orgs/fcszf\"", "href=\"/catalog/sa-funds\"", "href=\"/domains/social-assistance\"",
                "2026-07-01 至 2026-09-30", "每季度", "知识共享署名 4.0 国际许可协议（CC BY 4.0）", "3 行");
        assertThat(html).as("the preview reads as the record page: separators, 元 in the heading, cards")
                .contains("table class=\"data stack figures preview\"", "金额（元）", "1,234,567.50",
                        "data-label=\"金额（元）\"", "href=\"/records/" + fengchengFunds.replace("/", "%2F") + "\"");
        assertThat(html).as("the chart adds up 金额 per 救助项目")
                .contains("各救助项目的金额合计", "2,000,000.00", "20,000.00", "<rect");
        assertThat(html).as("downloads of all years and of 2026, each form").contains(
                "href=\"/data/sa-funds-fcszf/download/all.csv\"",
                "href=\"/data/sa-funds-fcszf/download/all.csv?header=codes\"",
                "href=\"/data/sa-funds-fcszf/download/all.xlsx\"", "href=\"/data/sa-funds-fcszf/download/all.json\"",
                "href=\"/data/sa-funds-fcszf/download/2026.csv\"", "href=\"/data/sa-funds-fcszf/download/2026.xlsx\"");
        assertThat(html).as("API addresses").contains("/api/3/action/package_show?id=sa-funds-fcszf",
                "href=\"/data/sa-funds-fcszf/changes.atom\"");
        assertThat(html).as("changes link to the records").contains("新增",
                "2026年第三季度社会救助款物管理使用情况（数据页测试）");
        assertThat(html).as("columns with codes and types").contains("<code>jiu_zhu_xiang_mu</code>",
                "<code>index_no</code>", "数值", "日期");
    }

    @Test
    void aDatasetWhoseRecordsWereAllWithdrawnSaysSo() throws Exception {
        String html = page("/data/pa-project-ycsfpb", 200);
        assertThat(html).contains("本数据集的信息已全部撤回，目前没有数据", "撤回", "0 行")
                .doesNotContain("id=\"preview-h\"", "id=\"downloads-h\"", "光伏扶贫");
    }

    @Test
    void theTraditionalViewConvertsTheTextAndKeepsTheAddresses() throws Exception {
        String html = page("/data/sa-funds-fcszf?lang=zh-Hant", 200);
        assertThat(html).contains("數據開放", "數據預覽", "href=\"/data/sa-funds-fcszf/download/all.csv?header=codes\"",
                "<code>jiu_zhu_xiang_mu</code>");
    }

    @Test
    void anUnknownDatasetIsAPageNotFound() throws Exception {
        assertThat(page("/data/no-such-dataset", 404)).contains("没有名为“no-such-dataset”的数据集");
    }

    @Test
    void demoRowsAreMarked() throws Exception {
        assertThat(page("/data/sa-funds-zsszf", 200)).doesNotContain("示例数据");
        jdbc.update("UPDATE opendata_record SET demo = TRUE WHERE dataset_id = "
                + "(SELECT id FROM opendata_dataset WHERE name = 'sa-funds-zsszf')");
        try {
            assertThat(page("/data/sa-funds-zsszf", 200)).contains("<p class=\"tag demo\">示例数据</p>");
            String list = page("/data?org=zsszf&domain=social-assistance", 200);
            assertThat(list.substring(list.indexOf("<ul class=\"datasets\">"))).contains("示例数据");
        } finally {
            jdbc.update("UPDATE opendata_record SET demo = FALSE WHERE dataset_id = "
                    + "(SELECT id FROM opendata_dataset WHERE name = 'sa-funds-zsszf')");
        }
    }

    @Test
    void targetedRecordsEnterNoDatasetSoNoNameShows() throws Exception {
        assertThat(page("/data?q=" + q("救助和福利补贴发放情况"), 200)).contains("没有符合条件的数据集");
        assertThat(page("/data/sa-recipients-fxxzf", 404)).doesNotContain("黄");
        for (String p : List.of("/data", "/data?org=fxxzf", "/data/sa-funds-fxxzf", "/data/pa-project-fxxzf")) {
            assertThat(page(p, 200)).as(p).doesNotContain("黄小平", "黄*平", "黄岗村");
        }
        assertThat(page("/records/" + targeted.replace("/", "%2F") + "?code=wrong", 403))
                .doesNotContain("id=\"record-dataset\"");
    }

    @Test
    void theItemOrganisationAndRecordPagesLinkToTheirDatasets() throws Exception {
        assertThat(page("/catalog/sa-funds", 200)).contains("id=\"item-datasets\"", "href=\"/data/sa-funds-fcszf\"",
                "href=\"/data/sa-funds-ycsmzj\"");
        assertThat(page("/orgs/fcszf", 200)).contains("href=\"/data?org=fcszf\"", "本单位的开放数据（2 个数据集）");
        assertThat(page("/records/" + fengchengFunds.replace("/", "%2F"), 200)).contains("id=\"record-dataset\"",
                "href=\"/data/sa-funds-fcszf\"");
        assertThat(page("/records/" + withdrawn.replace("/", "%2F"), 200)).doesNotContain("id=\"record-dataset\"");
        // A dataset whose records were all withdrawn is no longer offered from the item or its publisher.
        assertThat(page("/catalog/pa-project", 200)).contains("href=\"/data/pa-project-fcszf\"")
                .doesNotContain("href=\"/data/pa-project-ycsfpb\"");
        assertThat(page("/orgs/ycsfpb", 200)).doesNotContain("id=\"org-datasets\"");
        String nav = page("/", 200);
        assertThat(nav).contains("href=\"/data\"");
        assertThat(page("/sitemap", 200)).contains("href=\"/data\"");
    }
}
