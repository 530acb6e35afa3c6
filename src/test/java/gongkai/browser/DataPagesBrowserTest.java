package gongkai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import gongkai.publishing.RecordInput;
import gongkai.support.Browser;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

/**
 * A journalist looking for a county's relief funds as open data (issue 20), on a 390 px phone and at 1366 px: from
 * /data, the field 社会救助和社会福利, then the county 丰城市, then the dataset; its page shows the first rows (cards on a
 * phone, a table with right-aligned figures on a desktop), the chart of 金额 per 救助项目 and the download links.
 * axe-core finds nothing and nothing scrolls sideways on any page on the way, at either width.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataPagesBrowserTest {

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();
    @RegisterExtension
    static final Browser phone = Browser.phone();
    @RegisterExtension
    static final Browser desktop = Browser.window(1366, 900);

    @LocalServerPort
    int port;

    @BeforeAll
    void someCountiesPublishTheirFunds() {
        review.publish(Staff.of("fcszf"), funds("fcszf", "360981", "丰城市"));
        review.publish(Staff.of("gaszf"), funds("gaszf", "360983", "高安市"));
        review.publish(Staff.of("ycsmzj"), funds("ycsmzj", "360900", "宜春市"));
        review.publish(Staff.of("fcszf"), new RecordInput("pa-project", "fcszf", "360981",
                "丰城市2026年扶贫项目（浏览器测试）", "", null, LocalDate.of(2026, 9, 1), "<p>扶贫项目如下。</p>",
                List.of(), null, null, null, null, List.of(Map.of("项目名称", "蔬菜产业扶贫基地", "资金来源", "财政专项扶贫资金",
                        "实施期限", "2026年", "预期目标", "带动120户增收", "实施单位", "丰城市农业农村局", "责任人", "李明",
                        "举报电话", "0795-12345678")), null, null));
    }

    private static RecordInput funds(String org, String region, String place) {
        List<Map<String, String>> rows = List.of(
                Map.of("救助项目", "城乡低保", "资金来源", "中央和省级财政困难群众救助补助资金、市级配套", "金额", "24380000.00",
                        "发放范围", "全市城乡低保对象", "期间", "2026年7月至9月"),
                Map.of("救助项目", "特困人员救助供养", "资金来源", "中央和省级财政困难群众救助补助资金", "金额", "5960000.00",
                        "发放范围", "全市特困供养人员", "期间", "2026年7月至9月"),
                Map.of("救助项目", "临时救助", "资金来源", "市级财政临时救助资金", "金额", "1126000.00", "物资种类", "大米、食用油",
                        "数量", "860", "发放范围", "遭遇突发性困难的家庭", "期间", "2026年7月至9月"));
        return new RecordInput("sa-funds", org, region, place + "2026年第三季度社会救助款物管理使用情况（浏览器测试）", "", null,
                LocalDate.of(2026, 10, 15), "<p>现将使用情况公开如下。</p>", List.of("社会救助"), null, null, null, null,
                rows, null, null, "2026-Q3");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void onAPhoneFromTheListThroughTheFiltersToTheDataset() throws Exception {
        journey(phone, "390");
        WebElement amount = phone.findElement(By.cssSelector("table.preview tbody td[data-label='金额（元）']"));
        assertThat(amount.getCssValue("display")).as("a row is a card of lines").isEqualTo("block");
        assertThat(amount.getText()).isEqualTo("24,380,000.00");

        // 长者模式: larger text, the same page, still nothing sideways; then back to the standard view.
        phone.get(url("/preferences?elder=on&return=/data/sa-funds-fcszf"));
        assertThat(phone.findElement(By.tagName("html")).getDomAttribute("class")).contains("elder");
        phone.assertNoAccessibilityProblems();
        phone.assertNoSidewaysScroll();
        phone.screenshot("data-dataset-elder-390");
        phone.get(url("/preferences?elder=off&return=/data"));
        phone.assertNoSidewaysScroll();
    }

    @Test
    void onADesktopTheSameWayWithATable() throws Exception {
        journey(desktop, "1366");
        WebElement amount = desktop.findElement(By.cssSelector("table.preview tbody td[data-label='金额（元）']"));
        assertThat(amount.getCssValue("display")).isEqualTo("table-cell");
        assertThat(amount.getCssValue("text-align")).as("figures on the right").isEqualTo("right");
    }

    private void journey(Browser b, String width) throws Exception {
        b.get(url("/data"));
        assertThat(b.findElement(By.tagName("h1")).getText()).isEqualTo("数据开放");
        b.assertNoAccessibilityProblems();
        b.assertNoSidewaysScroll();
        b.screenshot("data-list-" + width);

        openFilters(b);
        b.findElement(By.cssSelector("#facet-domain")).findElement(By.linkText("社会救助和社会福利")).click();
        assertThat(b.getCurrentUrl()).contains("domain=social-assistance");
        openFilters(b);
        b.findElement(By.cssSelector("#facet-county")).findElement(By.linkText("丰城市")).click();
        assertThat(b.getCurrentUrl()).contains("county=360981");
        assertThat(b.findElement(By.id("dataset-count")).getText()).isEqualTo("共 1 个数据集");
        assertThat(b.findElement(By.cssSelector(".active-filters")).getText()).contains("领域：社会救助和社会福利",
                "县（市、区）：丰城市");
        b.assertNoAccessibilityProblems();
        b.assertNoSidewaysScroll();
        b.screenshot("data-filtered-" + width);

        b.findElement(By.linkText("救助款物管理使用情况（丰城市人民政府）")).click();
        assertThat(b.getCurrentUrl()).endsWith("/data/sa-funds-fcszf");
        assertThat(b.findElement(By.tagName("h1")).getText()).isEqualTo("救助款物管理使用情况（丰城市人民政府）");
        assertThat(b.findElements(By.cssSelector("table.preview tbody tr"))).hasSize(3);
        List<WebElement> bars = b.findElements(By.cssSelector("table.bars tbody tr"));
        assertThat(bars).hasSize(3);
        assertThat(bars.get(0).getText()).contains("城乡低保", "24,380,000.00");
        assertThat(b.findElement(By.cssSelector("table.bars rect")).getRect().getWidth())
                .as("the longest bar is drawn").isGreaterThan(20);
        WebElement csv = b.findElement(By.cssSelector("a[href='/data/sa-funds-fcszf/download/all.csv']"));
        assertThat(csv.isDisplayed()).isTrue();
        assertThat(b.findElements(By.cssSelector("a[href='/data/sa-funds-fcszf/download/2026.xlsx']"))).hasSize(1);
        assertThat(b.findElements(By.cssSelector("a[href='/data/sa-funds-fcszf/download/all.csv?header=codes']")))
                .hasSize(1);
        b.assertNoAccessibilityProblems();
        b.assertNoSidewaysScroll();
        b.screenshot("data-dataset-" + width);
        for (String part : List.of("preview-h", "chart-h", "downloads-h", "columns-h")) {
            b.driver().executeScript("document.getElementById(arguments[0]).scrollIntoView();", part);
            b.screenshot("data-dataset-" + part.replace("-h", "") + "-" + width);
        }
        b.screenshotWholePage("data-dataset-full-" + width);
    }

    /** On a phone the script folds the filters above the results; a reader opens them. */
    private static void openFilters(Browser b) {
        WebElement fold = b.findElement(By.cssSelector("details.facet-fold"));
        if (!"true".equals(fold.getDomProperty("open"))) {
            fold.findElement(By.tagName("summary")).click();
        }
    }
}
