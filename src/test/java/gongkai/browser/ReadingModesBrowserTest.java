package gongkai.browser;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import gongkai.publishing.RecordInput;
import gongkai.support.Browser;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An elderly reader on a 390 px phone: switches on 长者模式 on the home page and the text grows, the controls are
 * large enough to tap, nothing scrolls sideways; the choice holds on the next page; 繁體 turns the record page
 * Traditional, and the record still verifies against the ledger (the verifier reads the JSON API, which is never
 * converted). Plain links: each switch is a page load, no script needed.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReadingModesBrowserTest {

    private static final String TITLE = "某村饮水安全巩固提升工程公示（阅读模式测试）";

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();
    @RegisterExtension
    static final Browser phone = Browser.window(390, 844);
    @RegisterExtension
    static final Browser desktop = Browser.window(1366, 900);

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String publish() {
        Map<String, String> row = Map.of("项目名称", TITLE, "资金来源", "中央财政衔接资金", "实施期限", "2026年3月至10月",
                "预期目标", "硬化村组道路2.5公里", "实施单位", "某乡人民政府", "责任人", "刘建设", "举报电话", "0795-3201234");
        return review.publish(Staff.of("ycsfpb"), new RecordInput("pa-project", "ycsfpb", "360900", TITLE,
                "项目公示，公示期7个工作日。", null, LocalDate.of(2026, 9, 1),
                "<p>现将“" + TITLE + "”公示如下。如有异议，请于公示期内向乡人民政府反映，我们将及时答复。</p>",
                List.of("扶贫项目"), null, null, null, null, List.of(row), null, null));
    }

    /** Follows a link of the reading bar and waits for the page it leads back to. */
    private void choose(String linkText) {
        WebElement html = phone.findElement(By.tagName("html"));
        phone.findElement(By.cssSelector("nav.reading-bar")).findElement(By.linkText(linkText)).click();
        new WebDriverWait(phone.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(html));
    }

    private double bodyFontPx() {
        String size = (String) phone.driver().executeScript("return getComputedStyle(document.body).fontSize;");
        return Double.parseDouble(size.replace("px", ""));
    }

    private String htmlAttribute(String name) {
        return phone.findElement(By.tagName("html")).getDomAttribute(name);
    }

    private void assertNoSidewaysScroll() {
        Long overflow = (Long) phone.driver().executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("no sideways scroll at 390 px on " + phone.getCurrentUrl()).isLessThanOrEqualTo(0L);
    }

    @Test
    void elderModeAndTraditionalOnAPhoneHoldFromPageToPage() throws Exception {
        String indexNo = publish();
        String record = "/records/" + URLEncoder.encode(indexNo, StandardCharsets.UTF_8);

        phone.get(url("/"));
        double standard = bodyFontPx();
        assertThat(htmlAttribute("lang")).isEqualTo("zh-Hans");

        choose("长者模式");
        assertThat(htmlAttribute("class")).isEqualTo("elder");
        double elder = bodyFontPx();
        assertThat(elder).as("body text in 长者模式").isGreaterThan(standard).isGreaterThanOrEqualTo(18);
        for (WebElement control : phone.findElements(By.cssSelector(".site-search button, .site-search input,"
                + " nav.reading-bar a"))) {
            assertThat(control.getRect().getHeight()).as("a main control is at least 48 px tall: " + control.getText())
                    .isGreaterThanOrEqualTo(48);
        }
        String lineHeight = (String) phone.driver().executeScript("return getComputedStyle(document.body).lineHeight;");
        assertThat(Double.parseDouble(lineHeight.replace("px", "")) / elder).isGreaterThanOrEqualTo(1.5);
        assertNoSidewaysScroll();
        phone.assertNoAccessibilityProblems();
        phone.screenshot("reading-elder-390");

        choose("特大");
        assertThat(htmlAttribute("class")).isEqualTo("elder text-xlarge");
        assertThat(bodyFontPx()).as("特大 on top of 长者模式").isGreaterThan(elder);
        assertNoSidewaysScroll();
        phone.screenshot("reading-elder-xlarge-390");

        // The next page keeps both choices.
        phone.get(url(record));
        assertThat(htmlAttribute("class")).isEqualTo("elder text-xlarge");
        choose("标准");
        choose("繁體");
        assertThat(htmlAttribute("lang")).isEqualTo("zh-Hant");
        assertThat(htmlAttribute("class")).isEqualTo("elder");
        assertThat(phone.findElement(By.tagName("h1")).getText()).isEqualTo("某村飲水安全鞏固提升工程公示（閱讀模式測試）");
        assertThat(phone.findElement(By.cssSelector("main .body")).getText()).contains("我們將及時答覆");
        assertThat(phone.getCurrentUrl()).endsWith(record);
        assertNoSidewaysScroll();
        phone.assertNoAccessibilityProblems();
        phone.screenshot("reading-elder-hant-record-390");
        phone.screenshotWholePage("reading-elder-hant-record-390-full");

        choose("退出長者模式");
        phone.get(url("/"));
        assertThat(htmlAttribute("lang")).as("繁體 holds on the next page").isEqualTo("zh-Hant");
        assertThat(htmlAttribute("class")).isNull();
        assertThat(phone.findElement(By.cssSelector("nav[aria-label='主導航']")).getText()).contains("首頁", "公開目錄");
        assertNoSidewaysScroll();
        phone.assertNoAccessibilityProblems();
        phone.screenshot("reading-hant-390");

        // The verifier reads the JSON API, never converted: the record verifies in the Traditional view too.
        awaitLogged(indexNo);
        phone.get(url("/verify?record=" + URLEncoder.encode(indexNo, StandardCharsets.UTF_8)));
        new WebDriverWait(phone.driver(), Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.cssSelector("#verify-summary[data-result]")).isEmpty());
        assertThat(phone.findElement(By.id("verify-summary")).getDomAttribute("data-result")).isEqualTo("pass");
        assertThat(phone.findElements(By.cssSelector("#verify-steps li")).stream()
                .map(li -> li.getDomAttribute("data-result"))).isNotEmpty().containsOnly("pass");

        choose("简体");
        assertThat(htmlAttribute("lang")).isEqualTo("zh-Hans");
        assertThat(phone.getCurrentUrl()).contains("/verify?record=");

        // On a desktop, 长者模式 reads as one column, and the links work the same.
        desktop.get(url("/preferences?elder=on"));
        desktop.get(url("/preferences?lang=zh-Hant&return=" + URLEncoder.encode(record, StandardCharsets.UTF_8)));
        WebElement html = desktop.findElement(By.tagName("html"));
        assertThat(html.getDomAttribute("class")).isEqualTo("elder");
        assertThat(html.getDomAttribute("lang")).isEqualTo("zh-Hant");
        assertThat((Long) desktop.driver().executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;")).isLessThanOrEqualTo(0L);
        desktop.screenshot("reading-elder-hant-record-1366");
        desktop.get(url("/"));
        List<WebElement> domains = desktop.findElements(By.cssSelector(".cards.domains > li"));
        assertThat(domains).hasSizeGreaterThan(1);
        assertThat(domains.get(1).getRect().getX()).as("one column").isEqualTo(domains.get(0).getRect().getX());
        desktop.screenshot("reading-elder-hant-1366");
    }

    /** Waits until the record's publication is in the ledger under a signed head (written after the commit). */
    private void awaitLogged(String indexNo) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(30);
        String address = url("/api/v1/records/" + URLEncoder.encode(indexNo, StandardCharsets.UTF_8));
        while (true) {
            String body = http.send(HttpRequest.newBuilder(URI.create(address)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String head = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/ledger/sth"))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains("\"entry\"") && logged(body, head)) {
                return;
            }
            assertThat(Instant.now()).as("record logged within 30 s").isBefore(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    private static boolean logged(String record, String head) {
        var leaf = java.util.regex.Pattern.compile("\"leafIndex\"\\s*:\\s*(\\d+)").matcher(record);
        var size = java.util.regex.Pattern.compile("\"treeSize\"\\s*:\\s*(\\d+)").matcher(head);
        return leaf.find() && size.find() && Long.parseLong(size.group(1)) > Long.parseLong(leaf.group(1));
    }
}
