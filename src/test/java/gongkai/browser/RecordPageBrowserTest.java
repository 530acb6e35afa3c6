package gongkai.browser;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import gongkai.publishing.RecordInput;
import gongkai.publishing.Records;
import gongkai.support.Browser;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

/**
 * A village's 城乡低保 list as a villager opens it with the code from the notice (issue 19): on a 390 px phone the
 * title, date and body come first, each row reads as a card of 字段：值 lines, a masked name such as 黄*平 stays on
 * one line, nothing scrolls sideways and the metadata is folded below; at 1366 px a table with figures on the right,
 * a 合计 row and a 打印 button; printed, no navigation and no buttons. axe-core finds nothing at either width.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordPageBrowserTest {

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();
    @RegisterExtension
    static final Browser phone = Browser.window(390, 844);
    @RegisterExtension
    static final Browser desktop = Browser.desktop();

    @LocalServerPort
    int port;
    @Autowired
    Records records;

    private String path;

    @BeforeAll
    void aVillagesList() {
        Staff office = Staff.of("fxxzf");
        List<Map<String, String>> rows = new ArrayList<>();
        String[][] people = {{"黄小平", "3", "128650000.00"}, {"欧阳娜娜", "4", "1860.00"}, {"李四", "2", "930.50"},
                {"张三丰", "1", "465.00"}, {"王建国", "5", "2325.00"}};
        for (String[] p : people) {
            rows.add(Map.of("救助项目", "城乡低保", "姓名", p[0], "所在村组", "黄岗村第三村民小组", "家庭人口", p[1],
                    "发放金额", p[2], "期间", "2026年10月"));
        }
        String indexNo = review.publish(office, new RecordInput("sa-recipients", "fxxzf", "360921101",
                "黄岗村2026年10月城乡低保资金发放名单（浏览器测试）", "", null, LocalDate.of(2026, 10, 31),
                "<p>根据《江西省最低生活保障办法》，现将本村2026年10月城乡低保资金发放情况公示如下。</p>"
                        + "<table><tr><th>救助项目</th><th>户数</th><th>人数</th><th>发放金额合计（元）</th></tr>"
                        + "<tr><td>城乡低保</td><td>5</td><td>15</td><td>128,655,580.50</td></tr></table>"
                        + "<p>如有异议，请于公示之日起7日内向镇民政所反映。</p>",
                List.of("城乡低保"), null, "低保户", null, null, rows, null, null, "2026-10"));
        String code = as(office.approver(), () -> records.view(indexNo, null)).accessCode();
        path = "/records/" + indexNo + "?code=" + code;
    }

    private String url() {
        return "http://localhost:" + port + path;
    }

    @Test
    void onAPhoneTheBodyComesFirstAndRowsReadAsCards() throws Exception {
        phone.get(url());
        Long overflow = (Long) phone.driver().executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("the page does not scroll sideways at 390 px").isLessThanOrEqualTo(0L);

        WebElement body = phone.findElement(By.cssSelector("main .body"));
        WebElement meta = phone.findElement(By.id("record-meta"));
        assertThat(body.getRect().getY()).as("the body before the metadata").isLessThan(meta.getRect().getY());
        assertThat(body.getRect().getY()).as("the body starts on the first screen").isLessThan(844);
        assertThat(meta.getDomProperty("open")).as("the metadata folded below on a phone").isEqualTo("false");
        assertThat(phone.findElement(By.cssSelector("details.verify-fold")).getDomProperty("open")).isEqualTo("false");

        WebElement firstCell = phone.findElement(By.cssSelector("table.data tbody td[data-label='姓名']"));
        assertThat(firstCell.getCssValue("display")).as("a row is a card of lines").isEqualTo("block");
        assertThat(firstCell.getText()).isEqualTo("黄*平");
        Object label = phone.driver().executeScript("return getComputedStyle(arguments[0], '::before').content;",
                firstCell);
        assertThat(label).as("each value labelled by its column").isEqualTo("\"姓名：\"");
        Long lines = (Long) phone.driver().executeScript(
                "return document.querySelector(\"table.data tbody td[data-label='姓名'] span\").getClientRects().length;");
        assertThat(lines).as("黄*平 never breaks over lines").isEqualTo(1L);
        assertThat(phone.findElement(By.cssSelector("table.data tbody td[data-label='发放金额（元）']")).getText())
                .isEqualTo("128,650,000.00");
        assertThat(phone.findElement(By.cssSelector("table.data tfoot")).getText())
                .contains("合计", "128,655,580.50");

        // A table written into the body reads as cards too, each value under its column's heading.
        WebElement bodyCell = phone.findElement(By.cssSelector("main .body table td[data-label='户数']"));
        assertThat(bodyCell.getCssValue("display")).isEqualTo("block");
        assertThat(phone.driver().executeScript("return getComputedStyle(arguments[0], '::before').content;",
                bodyCell)).isEqualTo("\"户数：\"");

        phone.assertNoAccessibilityProblems();
        phone.screenshot("record-phone");
        phone.screenshotWholePage("record-phone-full");

        meta.findElement(By.tagName("summary")).click();
        assertThat(meta.getText()).as("nothing of the metadata is lost").contains("索引号", "发布机构", "主题分类",
                "公开范围");
        phone.screenshot("record-phone-metadata-open");
    }

    @Test
    void onADesktopFiguresStandRightWithATotalAndTheRecordPrints() throws Exception {
        // Browser.desktop() opens 1280 px wide: the common laptop width the issue names is 1366.
        desktop.driver().manage().window().setSize(new Dimension(1366, 900));
        desktop.get(url());
        assertThat((Long) desktop.driver().executeScript("return window.innerWidth;")).isEqualTo(1366L);
        Long overflow = (Long) desktop.driver().executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).isLessThanOrEqualTo(0L);
        WebElement amount = desktop.findElement(By.cssSelector("table.data tbody td[data-label='发放金额（元）']"));
        assertThat(amount.getCssValue("display")).isEqualTo("table-cell");
        assertThat(amount.getCssValue("text-align")).isEqualTo("right");
        assertThat(desktop.findElements(By.cssSelector("table.data thead th")).stream().map(WebElement::getText))
                .contains("发放金额（元）");
        assertThat(desktop.findElement(By.id("record-meta")).getDomProperty("open")).isEqualTo("true");
        WebElement print = desktop.findElement(By.id("print-record"));
        assertThat(print.isDisplayed()).as("the 打印 button, shown by its script").isTrue();
        desktop.assertNoAccessibilityProblems();
        desktop.screenshot("record-desktop");

        desktop.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(desktop.findElement(By.cssSelector(".site-header nav")).isDisplayed()).isFalse();
            assertThat(print.isDisplayed()).as("no buttons on paper").isFalse();
            assertThat(desktop.findElement(By.cssSelector("table.data tfoot")).isDisplayed()).isTrue();
            desktop.screenshotWholePage("record-print");
        } finally {
            desktop.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    void theItemsSchemaReadsAsCardsOnAPhoneToo() throws Exception {
        phone.get("http://localhost:" + port + "/catalog/sa-recipients");
        WebElement type = phone.findElement(By.cssSelector("table.schema tbody td[data-label='类型']"));
        assertThat(type.getCssValue("display")).isEqualTo("block");
        Long overflow = (Long) phone.driver().executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).isLessThanOrEqualTo(0L);
        phone.assertNoAccessibilityProblems();
        phone.screenshotWholePage("catalog-item-schema-phone");
    }
}
