package gongkai.publishing;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.support.PlatformTest;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

/**
 * A record's page as a reader meets it (issue 19): figures with thousands separators and their unit in the heading,
 * a 合计 row under money, every cell labelled for the phone's card layout; title, date and body before the metadata;
 * the verification folded into one line; a 打印 button. The stored values and the API stay as entered.
 */
@PlatformTest
class RecordPageReadingTest {

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

    @Autowired
    MockMvc mvc;
    @Autowired
    Records records;

    private Document page(String indexNo, String code) throws Exception {
        var request = get("/records/{ref}", indexNo);
        if (code != null) {
            request.param("code", code);
        }
        String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }

    private static List<String> headings(Document page) {
        return page.select("table.data thead th").eachText();
    }

    private static List<String> column(Document page, int index) {
        return page.select("table.data tbody tr").stream().map(tr -> tr.child(index).text()).toList();
    }

    @Test
    void amountsReadWithSeparatorsInYuanAndAddUpToATotal() throws Exception {
        Staff office = Staff.of("fxxzf");
        String indexNo = review.publish(office, new RecordInput("sa-recipients", "fxxzf", "360921101",
                "某村2026年10月城乡低保发放名单（阅读测试" + System.nanoTime() + "）", "", null,
                LocalDate.of(2026, 10, 31), "<p>本月城乡低保金已发放到户。</p>", List.of(), null, "低保户", null, null,
                List.of(Map.of("救助项目", "城乡低保", "姓名", "黄小平", "所在村组", "某村一组", "家庭人口", "3",
                        "发放金额", "128650000.00", "期间", "2026年10月"),
                        Map.of("救助项目", "城乡低保", "姓名", "欧阳娜娜", "所在村组", "某村二组", "家庭人口", "12345",
                                "发放金额", "1200.5", "期间", "2026年10月")),
                null, null, "2026-10"));
        String code = as(office.approver(), () -> records.view(indexNo, null)).accessCode();

        Document page = page(indexNo, code);
        assertThat(headings(page)).containsExactly("序号", "救助项目", "姓名", "所在村组", "家庭人口", "发放金额（元）",
                "期间");
        assertThat(column(page, 5)).containsExactly("128,650,000.00", "1,200.50");
        assertThat(column(page, 4)).as("whole numbers get separators too").containsExactly("3", "12,345");
        assertThat(column(page, 2)).as("names masked, kept on one line").containsExactly("黄*平", "欧**娜");
        assertThat(page.select("table.data tbody td").eachAttr("data-label"))
                .as("every cell names its column for the phone's cards").hasSize(14).contains("发放金额（元）", "姓名");
        assertThat(page.select("table.data tbody tr").get(0).child(2).select("span.nowrap").text()).isEqualTo("黄*平");
        assertThat(page.select("table.data tbody tr").get(0).child(5).hasClass("num")).isTrue();

        Element total = page.selectFirst("table.data tfoot tr");
        assertThat(total).as("a table of money has a total").isNotNull();
        assertThat(total.child(0).text()).isEqualTo("合计");
        assertThat(total.child(5).text()).isEqualTo("128,651,200.50");
        assertThat(total.child(4).text()).as("only money is added up").isEmpty();

        String json = mvc.perform(get("/api/v1/records/{ref}", indexNo).param("code", code))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).as("the API keeps the values as entered").contains("128650000.00")
                .doesNotContain("128,650,000.00");
    }

    @Test
    void aQuantityTakesItsUnitIntoTheHeadingOrBesideEachFigure() throws Exception {
        Staff office = Staff.of("ycsyjj");
        String oneUnit = review.publish(office, new RecordInput("dr-donations", "ycsyjj", "360900",
                "救灾捐赠物资接收情况（单位测试" + System.nanoTime() + "）", "", null, LocalDate.of(2026, 6, 20), "",
                List.of(), null, null, null, null,
                List.of(Map.of("来源", "某爱心企业", "种类", "矿泉水", "数量", "12000", "单位", "箱", "日期", "2026-06-20"),
                        Map.of("来源", "某商会", "种类", "方便面", "数量", "500", "单位", "箱", "金额", "",
                                "日期", "2026-06-21")),
                null, null));
        Document page = page(oneUnit, null);
        assertThat(headings(page)).contains("数量（箱）", "金额（元）");
        assertThat(column(page, 3)).containsExactly("12,000", "500");
        assertThat(column(page, 6)).as("dates stay as they are").containsExactly("2026-06-20", "2026-06-21");
        assertThat(page.selectFirst("table.data tfoot").text())
                .as("a money column with nothing in it adds up to nothing, not to 0.00").doesNotContain("0.00");

        String mixed = review.publish(office, new RecordInput("dr-donations", "ycsyjj", "360900",
                "救灾捐赠物资接收情况（混合单位测试" + System.nanoTime() + "）", "", null, LocalDate.of(2026, 6, 20),
                "", List.of(), null, null, null, null,
                List.of(Map.of("来源", "某爱心企业", "种类", "棉被", "数量", "1500", "单位", "件", "金额", "4500.00",
                        "日期", "2026-06-20"),
                        Map.of("来源", "某商会", "种类", "大米", "数量", "2.5", "单位", "吨", "金额", "10000",
                                "日期", "2026-06-21")),
                null, null));
        Document mixedPage = page(mixed, null);
        assertThat(headings(mixedPage)).contains("数量", "金额（元）").doesNotContain("数量（件）");
        assertThat(column(mixedPage, 3)).containsExactly("1,500 件", "2.5 吨");
        assertThat(mixedPage.selectFirst("table.data tfoot tr").child(5).text()).isEqualTo("14,500.00");
    }

    @Test
    void titleDateAndBodyComeFirstTheMetadataAfterTheVerificationFolded() throws Exception {
        Staff office = Staff.of("ycsyjj");
        String indexNo = review.publish(office, new RecordInput("dr-donations", "ycsyjj", "360900",
                "救灾捐赠款物使用情况（版式测试" + System.nanoTime() + "）", "", null, LocalDate.of(2026, 6, 20),
                "<p>正文第一段：捐赠款物已按用途拨付。</p>", List.of("救灾"), null, null, null, null,
                List.of(Map.of("来源", "某爱心企业", "种类", "资金", "金额", "5000.00", "日期", "2026-06-20")),
                null, null));
        Document page = page(indexNo, null);
        Element main = page.selectFirst("main");
        List<String> order = main.children().stream().map(e -> e.tagName() + "." + e.className()).toList();
        int title = order.indexOf("h1.");
        int dateline = order.indexOf("p.record-dateline");
        int body = order.indexOf("div.body");
        int meta = order.indexOf("details.record-meta-fold");
        assertThat(title).isGreaterThanOrEqualTo(0);
        assertThat(dateline).isEqualTo(title + 1);
        assertThat(body).isGreaterThan(dateline);
        assertThat(meta).as("the metadata comes after the body and its data").isGreaterThan(body);
        assertThat(page.selectFirst("p.record-dateline").text()).contains("发布日期：", "发布机构：");

        Element fold = page.selectFirst("details.record-meta-fold");
        assertThat(fold.hasAttr("open")).as("open unless the phone's script folds it").isTrue();
        assertThat(fold.select("th").eachText()).as("nothing of the metadata is lost")
                .contains("索引号", "主题分类", "发布机构", "成文日期", "发布日期", "文号", "有效性", "公开方式", "公开范围",
                        "关键词");
        assertThat(fold.text()).contains(indexNo);

        Element verify = page.selectFirst("details.verify-fold");
        assertThat(verify).as("the verification is one line that opens").isNotNull();
        assertThat(verify.hasAttr("open")).isFalse();
        assertThat(verify.selectFirst("summary").text()).startsWith("核验");
        assertThat(verify.text()).contains("SHA-256");

        Element print = page.getElementById("print-record");
        assertThat(print.text()).isEqualTo("打印");
        assertThat(print.attr("type")).isEqualTo("button");
        String src = page.select("script[src]").eachAttr("src").stream().filter(s -> s.startsWith("/js/record"))
                .findFirst().orElseThrow(() -> new AssertionError("the page loads record.js"));
        String script = mvc.perform(get(src)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(script).contains("window.print()", "print-record");
    }
}
