package gongkai.web;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import gongkai.publishing.RecordInput;
import gongkai.publishing.Records;
import gongkai.requests.Applicants;
import gongkai.requests.RequestIntake;
import gongkai.support.Browser;
import gongkai.support.Origins;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

/**
 * One page of every page type, public and back office, with the demo data, at a phone's 390 × 844 and a laptop's
 * 1366 × 900 (issue 19, accessibility as measured): axe-core finds no violation of any impact, nothing scrolls
 * sideways, and a screenshot {@code types-<kind>-<width>.png} is left for a person to look at. Beside the tour:
 * focus is visible on every kind of control, the back office's menu folds on a phone, and the request form is filled
 * and sent with the keyboard alone.
 */
@Tag("browser")
// SiteCrawlTest's configuration (the demo data on a real server), so that one Spring context serves both.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gongkai.publishing.access-code.max-failures=1000"})
@ActiveProfiles({"test", "demo"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PageTypesTourTest {

    private static final int PHONE_WIDTH = 390;
    private static final int DESKTOP_WIDTH = 1366;
    private static final String ORG = "fxxzf";
    private static final String SEARCH = "/search?q=" + URLEncoder.encode("低保", StandardCharsets.UTF_8);

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();
    @RegisterExtension
    static final Browser phone = Browser.phone();
    @RegisterExtension
    static final Browser desktop = Browser.window(DESKTOP_WIDTH, 900);

    @LocalServerPort
    int port;
    @Autowired
    Records records;
    @Autowired
    RequestIntake intake;

    /** Both widths at once: each browser is busy with its own page while the other's axe-core runs. */
    private final ExecutorService widths = Executors.newFixedThreadPool(2);
    private final List<String> problems = new ArrayList<>();
    private final Set<String> kinds = new HashSet<>();
    private String targetedRecord;
    private String accessCode;
    private String draftInReview;
    private String requestInHand;

    @BeforeAll
    void whatTheDemoDataLacks() {
        Staff office = Staff.of(ORG);
        List<Map<String, String>> rows = new ArrayList<>();
        String[][] people = {{"黄小平", "3", "1395.00"}, {"欧阳娜娜", "4", "1860.00"}, {"李四", "2", "930.50"}};
        for (String[] p : people) {
            rows.add(Map.of("救助项目", "城乡低保", "姓名", p[0], "所在村组", "黄岗村第三村民小组", "家庭人口", p[1],
                    "发放金额", p[2], "期间", "2026年10月"));
        }
        targetedRecord = review.publish(office, new RecordInput("sa-recipients", ORG, "360921101",
                "黄岗村2026年10月城乡低保资金发放名单（页面类型巡检）", "", null, LocalDate.of(2026, 10, 31),
                "<p>现将本村2026年10月城乡低保资金发放情况公示如下。</p>", List.of("城乡低保"), null, "低保户", null,
                null, rows, null, null, "2026-10"));
        accessCode = as(office.approver(), () -> records.view(targetedRecord, null)).accessCode();
        draftInReview = review.reviewed(office, new RecordInput("sa-policy", ORG, "360921",
                "奉新县临时救助实施细则（页面类型巡检）", "明确临时救助的对象、标准和程序。", "奉府办发〔2026〕9号",
                LocalDate.of(2026, 11, 2),
                "<p>为规范临时救助工作，制定本细则。</p><p>本细则自印发之日起施行。</p>", List.of("临时救助"), null, null,
                null, null, List.of(), null, null, null));
        requestInHand = Origins.fresh(() -> intake.submit(Applicants.person("ycsjyj",
                "2026年秋季学期城区小学学位分配方案（页面类型巡检）"))).trackingNo();
    }

    @AfterAll
    void stop() {
        widths.shutdownNow();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(Browser browser) {
        browser.driver().manage().deleteAllCookies();
        browser.signIn(url(""), "admin", "Test-Admin-Passw0rd");
    }

    @Test
    @Order(1)
    void everyPublicPageTypeAtBothWidths() {
        problems.clear();
        visit("home", "/");
        visit("search", SEARCH);
        visit("records", "/records");
        visit("record", "/records/" + targetedRecord + "?code=" + accessCode);
        visit("record-asks-code", "/records/" + targetedRecord);
        visit("code", "/code");
        visit("catalog", "/catalog");
        visit("catalog-item", "/catalog/sa-recipients");
        visit("data", "/data");
        visit("dataset", "/data/sa-funds-fcszf");
        visit("orgs", "/orgs");
        String org = firstLink("^/orgs/[a-z0-9]+$");
        visit("org", org);
        visit("org-guide", org + "/guide");
        visit("region", "/regions/360921");
        visit("domain", "/domains/social-assistance");
        visit("request-new", "/requests/new");
        visit("request-track", "/requests/track");
        visit("request-statistics", "/requests/statistics");
        visit("complaint-new", "/complaints/new");
        visit("complaint-track", "/complaints/track");
        visit("subscribe", "/subscribe");
        visit("warnings", "/warnings");
        visit("warning", firstLink("^/warnings/\\d+$"));
        visit("emergencies", "/emergencies");
        visit("emergency", firstLink("^/emergencies/\\d+$"));
        visit("donations", "/donations");
        visit("donation", firstLink("^/donations/\\d+$"));
        visit("air", "/environment/air");
        visit("water", "/environment/water");
        visit("drinking-water", "/environment/drinking-water");
        visit("pollution-sources", "/environment/pollution-sources");
        visit("pollution-enterprise", firstLink("^/environment/pollution-sources/[^/?#]+$"));
        visit("eia", "/environment/eia");
        visit("eia-case", firstLink("^/environment/eia/\\d+$"));
        visit("disclosure-status", "/disclosure-status");
        visit("assessment", "/assessment");
        visit("annual-reports", "/annual-reports");
        visit("annual-report", firstLink("^/annual-reports/[a-z0-9]+/\\d{4}$"));
        visit("consultations", "/consultations");
        visit("consultation", firstLink("^/consultations/\\d+$"));
        visit("messages", "/messages");
        visit("message-new", "/messages/new");
        visit("supervisors", "/supervisors");
        visit("verify", "/verify");
        visit("resident-register", "/residents/register");
        visit("sitemap", "/sitemap");
        visit("accessibility", "/accessibility");
        visit("not-found", "/no-such-page");
        visit("login", "/admin/login");
        assertThat(problems).as("problems on the public pages:%n%s", String.join("\n", problems)).isEmpty();
    }

    @Test
    @Order(2)
    void everyBackOfficePageTypeAtBothWidths() {
        problems.clear();
        signIn(phone);
        signIn(desktop);
        visit("admin-dashboard", "/admin");
        visit("admin-records", "/admin/records");
        visit("admin-record-choose", "/admin/records/new");
        visit("admin-record-form", "/admin/records/new?item=sa-recipients");
        visit("admin-record-review", "/admin/records/" + draftInReview);
        visit("admin-requests", "/admin/requests?org=ycsjyj");
        visit("admin-request", "/admin/requests/" + requestInHand);
        visit("admin-users", "/admin/users");
        visit("admin-catalog", "/admin/catalog");
        visit("admin-notify", "/admin/notify");
        visit("admin-supervision", "/admin/supervision");
        assertThat(problems).as("problems in the back office:%n%s", String.join("\n", problems)).isEmpty();
    }

    @Test
    @Order(3)
    void theBackOfficeMenuFoldsOnAPhoneAndOpensByKeyboard() throws Exception {
        signIn(phone);
        phone.get(url("/admin/records"));
        WebElement fold = phone.findElement(By.cssSelector("details.nav-fold"));
        assertThat(fold.getDomProperty("open")).as("the menu folded on a phone").isEqualTo("false");
        assertThat(phone.findElement(By.tagName("h1")).getRect().getY()).as("the page's heading on the first screen")
                .isLessThan(844 / 2);
        WebElement summary = tabTo(phone, "summary", 20);
        assertThat(summary.getText()).isEqualTo("菜单");
        summary.sendKeys(Keys.ENTER);
        assertThat(fold.getDomProperty("open")).isEqualTo("true");
        assertThat(phone.findElement(By.linkText("依申请公开")).isDisplayed()).isTrue();
        phone.screenshot("types-admin-menu-open-390");
        phone.assertNoAccessibilityProblems();

        signIn(desktop);
        desktop.get(url("/admin/records"));
        assertThat(desktop.findElement(By.cssSelector("details.nav-fold > summary")).isDisplayed())
                .as("no menu button on a wide screen").isFalse();
        assertThat(desktop.findElement(By.linkText("依申请公开")).isDisplayed()).isTrue();
    }

    @Test
    @Order(4)
    void focusIsVisibleOnLinksButtonsFieldsAndFolds() {
        phone.driver().manage().deleteAllCookies();
        phone.get(url(SEARCH));
        Map<String, String> seen = new LinkedHashMap<>();
        for (int i = 0; i < 60 && seen.size() < 5; i++) {
            WebElement active = tab(phone);
            if ("body".equals(active.getTagName())) {
                break;
            }
            String kind = active.getTagName() + ("input".equals(active.getTagName())
                    ? "[" + active.getAttribute("type") + "]" : "");
            seen.putIfAbsent(kind, outlineOf(phone, active));
        }
        assertThat(seen).as("kinds of control reached by Tab").containsKeys("a", "button", "input[search]",
                "summary");
        seen.forEach((kind, outline) -> assertThat(outline).as("the focus outline of " + kind)
                .matches("solid [3-9](\\.\\d+)?px .*"));
    }

    @Test
    @Order(5)
    void theRequestFormIsFilledAndSentWithTheKeyboardAlone() throws Exception {
        phone.driver().manage().deleteAllCookies();
        phone.get(url("/requests/new"));
        String question = phone.findElement(By.cssSelector("label[for=q-check]")).getText();
        Map<String, String> typed = Map.of("q-name", "孙示例", "q-idNumber", Applicants.idNumber(), "q-phone",
                "13907950003", "q-description", "2026年秋季学期城区小学学位分配方案", "q-check",
                String.valueOf(solve(question)));
        Set<String> filled = new HashSet<>();
        WebElement active = null;
        for (int i = 0; i < 80; i++) {
            active = tab(phone);
            assertThat(outlineOf(phone, active)).as("focus visible on " + describe(active)).startsWith("solid");
            String id = active.getAttribute("id");
            if ("q-org".equals(id)) {
                for (int k = 0; k < 200 && !"宜春市教育局".equals(new Select(active).getFirstSelectedOption().getText());
                        k++) {
                    new Actions(phone.driver()).sendKeys(Keys.ARROW_DOWN).perform();
                }
                filled.add(id);
            } else if (typed.containsKey(id)) {
                new Actions(phone.driver()).sendKeys(typed.get(id)).perform();
                filled.add(id);
            } else if ("button".equals(active.getTagName()) && "提交申请".equals(active.getText())) {
                break;
            }
        }
        assertThat(filled).as("every field the request needs, reached by Tab")
                .containsExactlyInAnyOrder("q-org", "q-name", "q-idNumber", "q-phone", "q-description", "q-check");
        assertThat(new Select(phone.findElement(By.id("q-org"))).getFirstSelectedOption().getText())
                .isEqualTo("宜春市教育局");
        phone.screenshot("types-request-keyboard-390");
        WebElement page = phone.findElement(By.tagName("html"));
        new Actions(phone.driver()).sendKeys(Keys.ENTER).perform();
        new WebDriverWait(phone.driver(), Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
        assertThat(phone.findElement(By.tagName("h1")).getText()).isEqualTo("申请已提交");
        assertThat(phone.findElement(By.id("tracking-no")).getText()).startsWith("SQ");
        phone.screenshot("types-request-receipt-390");
        phone.assertNoAccessibilityProblems();
    }

    /** Shows the page at both widths, checks it and leaves its screenshots; problems are gathered, not thrown. */
    private void visit(String kind, String path) {
        assertThat(kinds.add(kind)).as("one name per kind: " + kind).isTrue();
        if (path == null) {
            problems.add(kind + ": no page of this kind linked where expected");
            return;
        }
        CompletableFuture<Void> narrow = CompletableFuture.runAsync(() -> check(phone, kind, path, PHONE_WIDTH), widths);
        CompletableFuture<Void> wide = CompletableFuture.runAsync(() -> check(desktop, kind, path, DESKTOP_WIDTH), widths);
        CompletableFuture.allOf(narrow, wide).join();
    }

    private void check(Browser browser, String kind, String path, int width) {
        String where = kind + " at " + width + " px (" + path + ")";
        try {
            browser.get(url(path));
            // The error page's heading carries the status; asked by script, so that no implicit wait runs out.
            boolean errorPage = Boolean.TRUE.equals(browser.driver().executeScript(
                    "return !!document.querySelector('main h1 small');"));
            if (errorPage != "not-found".equals(kind)) {
                record(where + ": " + (errorPage ? "an error page: " : "not the error page: ")
                        + browser.findElement(By.tagName("h1")).getText());
            }
            browser.screenshot("types-" + kind + "-" + width);
            browser.assertNoSidewaysScroll();
            browser.assertNoAccessibilityProblems();
        } catch (AssertionError | RuntimeException | java.io.IOException e) {
            record(where + ": " + e.getMessage());
        }
    }

    private synchronized void record(String problem) {
        problems.add(problem);
    }

    /** The address of the phone's first link on the page shown now that matches, or null. */
    private String firstLink(String pattern) {
        return (String) phone.driver().executeScript("return Array.from(document.querySelectorAll('a[href]'))"
                + ".map(a => a.getAttribute('href')).find(h => new RegExp(arguments[0]).test(h)) || null;", pattern);
    }

    private static WebElement tab(Browser browser) {
        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        return browser.driver().switchTo().activeElement();
    }

    private static WebElement tabTo(Browser browser, String tag, int limit) {
        for (int i = 0; i < limit; i++) {
            WebElement active = tab(browser);
            if (tag.equals(active.getTagName())) {
                return active;
            }
        }
        throw new AssertionError("no " + tag + " within " + limit + " presses of Tab");
    }

    /** The computed outline of the focused element: style, width, colour. */
    private static String outlineOf(Browser browser, WebElement element) {
        return (String) browser.driver().executeScript("const s = getComputedStyle(arguments[0]);"
                + "return s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor;", element);
    }

    private static String describe(WebElement element) {
        return element.getTagName() + "#" + element.getAttribute("id") + " " + element.getText();
    }

    private static int solve(String question) {
        String digits = "零一二三四五六七八九";
        int plus = question.indexOf('加');
        return digits.indexOf(question.charAt(plus - 1)) + digits.indexOf(question.charAt(plus + 1));
    }
}
