package gongkai.search;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
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
 * The search boxes and the search page in a real browser: suggestions used by keyboard (the ARIA combobox pattern) on
 * a desktop and by touch on a phone, and the facets folded above the results on a phone.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchBoxBrowserTest {

    private static final String WORD = "山楂检索";

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();
    @RegisterExtension
    static final Browser desktop = Browser.desktop();
    @RegisterExtension
    static final Browser phone = Browser.phone();

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @BeforeAll
    void publish() {
        Staff civil = Staff.of("ycsmzj");
        for (String title : List.of("关于" + WORD + "样例救助标准的通知", WORD + "样例临时救助审批程序",
                WORD + "样例低保资金发放情况说明")) {
            review.publish(civil, new RecordInput("sa-policy", "ycsmzj", "360900", title, "", null,
                    LocalDate.of(2026, 6, 1), "<p>" + title + "。</p>", List.of(), null, null, null, null, null, null,
                    null));
        }
        review.publish(Staff.of("ycsjyj"), new RecordInput("ed-dropout", "ycsjyj", "360900",
                WORD + "样例控辍保学工作进展", "", null, LocalDate.of(2026, 6, 1), "<p>控辍保学。</p>", List.of(), null,
                null, null, null, null, null, null));
    }

    private static WebDriverWait waitUpTo5s(Browser browser) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(5));
    }

    @Test
    void suggestionsInTheHeaderAreUsedByKeyboard() throws Exception {
        desktop.get(url("/"));
        WebElement box = desktop.findElement(By.id("site-q"));
        assertThat(box.getAttribute("role")).isEqualTo("combobox");
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
        WebElement list = desktop.findElement(By.id(box.getAttribute("aria-controls")));
        assertThat(list.getAttribute("role")).isEqualTo("listbox");

        box.sendKeys(WORD);
        waitUpTo5s(desktop).until(ExpectedConditions.attributeToBe(list, "data-for", WORD));
        waitUpTo5s(desktop).until(ExpectedConditions.visibilityOf(list));
        List<WebElement> options = list.findElements(By.cssSelector("[role=option]"));
        assertThat(options).hasSize(4).allSatisfy(o -> assertThat(o.getText()).contains(WORD));
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(box.getAttribute("aria-activedescendant")).as("nothing chosen yet").isNull();
        // With the list open (axe's run takes the focus away, which closes it).
        desktop.assertNoAccessibilityProblems();

        box.sendKeys(Keys.ARROW_DOWN);
        assertThat(list.isDisplayed()).isTrue();
        assertThat(box.getAttribute("aria-activedescendant")).isEqualTo(options.get(0).getAttribute("id"));
        assertThat(options.get(0).getAttribute("aria-selected")).isEqualTo("true");
        desktop.screenshot("search-suggestions-desktop");
        box.sendKeys(Keys.ARROW_DOWN);
        assertThat(box.getAttribute("aria-activedescendant")).isEqualTo(options.get(1).getAttribute("id"));
        assertThat(options.get(0).getAttribute("aria-selected")).isEqualTo("false");
        box.sendKeys(Keys.ARROW_UP, Keys.ARROW_UP);
        assertThat(box.getAttribute("aria-activedescendant")).as("up from the first wraps to the last")
                .isEqualTo(options.get(3).getAttribute("id"));
        assertThat(options).extracting(o -> o.getAttribute("aria-selected")).containsExactly("false", "false",
                "false", "true");
        box.sendKeys(Keys.ESCAPE);
        assertThat(list.isDisplayed()).isFalse();
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(box.getAttribute("aria-activedescendant")).isNull();
        assertThat(box.getAttribute("value")).isEqualTo(WORD);
        box.sendKeys(Keys.ARROW_DOWN);
        assertThat(list.isDisplayed()).as("down opens the list again").isTrue();
        assertThat(box.getAttribute("aria-activedescendant")).isEqualTo(options.get(0).getAttribute("id"));
        String title = options.get(0).findElement(By.className("suggestion-text")).getText();
        box.sendKeys(Keys.ENTER);
        waitUpTo5s(desktop).until(ExpectedConditions.urlContains("/records/"));
        assertThat(desktop.findElement(By.tagName("h1")).getText()).isEqualTo(title);

        // An organisation by its short name; Enter on it opens its page.
        desktop.get(url("/"));
        box = desktop.findElement(By.id("site-q"));
        box.sendKeys("市民政局");
        WebElement orgs = desktop.findElement(By.id("site-q-suggestions"));
        waitUpTo5s(desktop).until(ExpectedConditions.attributeToBe(orgs, "data-for", "市民政局"));
        assertThat(orgs.findElements(By.cssSelector("[role=option]")).get(0).getText()).contains("机构", "宜春市民政局");
        box.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        waitUpTo5s(desktop).until(ExpectedConditions.urlContains("/orgs/ycsmzj"));

        // Enter with nothing chosen sends the form, as without the script; a second Escape empties the box.
        desktop.get(url("/"));
        box = desktop.findElement(By.id("site-q"));
        box.sendKeys(WORD);
        WebElement shown = desktop.findElement(By.id("site-q-suggestions"));
        waitUpTo5s(desktop).until(ExpectedConditions.attributeToBe(shown, "data-for", WORD));
        box.sendKeys(Keys.ESCAPE, Keys.ESCAPE);
        assertThat(box.getAttribute("value")).isEmpty();
        box.sendKeys(WORD);
        waitUpTo5s(desktop).until(ExpectedConditions.visibilityOf(shown));
        box.sendKeys(Keys.ENTER);
        waitUpTo5s(desktop).until(ExpectedConditions.urlContains("/search?q="));
        assertThat(desktop.findElements(By.cssSelector(".hits li"))).hasSize(4);
    }

    @Test
    void theLatestWordsWinAndTheListFollowsThem() {
        desktop.get(url("/search"));
        WebElement box = desktop.findElement(By.id("q"));
        WebElement list = desktop.findElement(By.id("q-suggestions"));
        box.sendKeys("市民政局");
        waitUpTo5s(desktop).until(ExpectedConditions.visibilityOf(list));
        box.clear();
        box.sendKeys(WORD + "样例控辍");
        waitUpTo5s(desktop).until(d -> list.findElements(By.cssSelector("[role=option]")).size() == 1
                && list.getText().contains("控辍保学工作进展"));
        // Deleting down to one character closes the list.
        box.clear();
        box.sendKeys("山");
        waitUpTo5s(desktop).until(ExpectedConditions.invisibilityOf(list));
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
    }

    @Test
    void onAPhoneTheFacetsFoldAboveTheResults() throws Exception {
        phone.get(url("/search?q=" + WORD));
        WebElement fold = phone.findElement(By.cssSelector("details.facet-fold"));
        WebElement firstHit = phone.findElement(By.cssSelector(".hits li"));
        assertThat(fold.getAttribute("open")).as("folded where there are results to read").isNull();
        assertThat(fold.getLocation().getY()).isLessThan(firstHit.getLocation().getY());
        WebElement education = fold.findElement(By.cssSelector("a[href*='org=ycsjyj']"));
        assertThat(education.isDisplayed()).isFalse();
        assertNoSidewaysScrolling(phone);
        phone.screenshot("search-results-phone");
        phone.assertNoAccessibilityProblems();

        fold.findElement(By.tagName("summary")).click();
        assertThat(education.isDisplayed()).isTrue();
        assertThat(education.getText()).isEqualTo("宜春市教育局");
        education.click();
        waitUpTo5s(phone).until(ExpectedConditions.urlContains("org=ycsjyj"));
        assertThat(phone.findElements(By.cssSelector(".hits li"))).hasSize(1);

        // A filter that leaves nothing: the facets stay, open, with what changing it would find.
        phone.get(url("/search?q=" + WORD + "&domain=education&org=ycsmzj"));
        assertThat(phone.findElements(By.cssSelector(".hits li"))).isEmpty();
        fold = phone.findElement(By.cssSelector("details.facet-fold"));
        assertThat(fold.getAttribute("open")).isNotNull();
        assertThat(fold.findElement(By.cssSelector("a[href*='domain=education&org=ycsjyj']")).isDisplayed()).isTrue();
        assertThat(fold.findElement(By.cssSelector("a[href*='domain=social-assistance&org=ycsmzj']")).isDisplayed())
                .isTrue();
        assertThat(phone.findElement(By.cssSelector(".active-filters")).getText()).contains("领域：教育",
                "发布机构：宜春市民政局", "全部");
        assertNoSidewaysScrolling(phone);
        phone.screenshot("search-filter-empties-phone");
        phone.assertNoAccessibilityProblems();
    }

    @Test
    void onAPhoneTheAdvancedOptionsSayWhatIsWrongWithTheDates() throws Exception {
        phone.get(url("/search?q=" + WORD));
        WebElement advanced = phone.findElement(By.cssSelector("details.advanced"));
        assertThat(advanced.getAttribute("open")).isNull();
        advanced.findElement(By.tagName("summary")).click();
        phone.driver().executeScript("document.getElementById('from').value = '2026-06-30';"
                + "document.getElementById('to').value = '2026-06-01';");
        phone.findElement(By.name("titleOnly")).click();
        phone.clickButton("按以上条件搜索");
        waitUpTo5s(phone).until(ExpectedConditions.urlContains("to=2026-06-01"));
        assertThat(phone.findElement(By.id("dates-problem")).getText())
                .isEqualTo("截止日期（2026-06-01）早于起始日期（2026-06-30），请调换或修改。");
        assertThat(phone.findElements(By.cssSelector(".hits li"))).isEmpty();
        assertThat(phone.findElement(By.id("q")).getAttribute("value")).isEqualTo(WORD);
        assertThat(phone.findElement(By.name("titleOnly")).isSelected()).isTrue();
        assertNoSidewaysScrolling(phone);
        phone.screenshot("search-advanced-phone");
        phone.assertNoAccessibilityProblems();

        // Put right, the options are named among the chosen filters and fold away above the results.
        phone.driver().executeScript("document.getElementById('from').value = '2000-01-01';"
                + "document.getElementById('to').value = '2999-12-31';");
        phone.clickButton("按以上条件搜索");
        waitUpTo5s(phone).until(ExpectedConditions.urlContains("to=2999-12-31"));
        assertThat(phone.findElements(By.cssSelector(".hits li"))).hasSize(4);
        assertThat(phone.findElement(By.cssSelector("details.advanced")).getAttribute("open")).isNull();
        assertThat(phone.findElement(By.cssSelector(".active-filters")).getText()).contains("查找范围：仅标题",
                "发布日期：2000-01-01 至 2999-12-31");
    }

    @Test
    void onAPhoneASuggestionIsTapped() throws Exception {
        phone.get(url("/orgs"));
        WebElement box = phone.findElement(By.id("site-q"));
        box.sendKeys("扶贫项目");
        WebElement list = phone.findElement(By.id("site-q-suggestions"));
        waitUpTo5s(phone).until(ExpectedConditions.visibilityOf(list));
        Long right = (Long) phone.driver().executeScript(
                "return Math.ceil(arguments[0].getBoundingClientRect().right) - window.innerWidth;", list);
        assertThat(right).as("the list fits the screen").isLessThanOrEqualTo(0L);
        assertNoSidewaysScrolling(phone);
        phone.screenshot("search-suggestions-phone");
        phone.assertNoAccessibilityProblems();
        list.findElement(By.xpath(".//*[@role='option'][contains(., '扶贫项目')]")).click();
        waitUpTo5s(phone).until(ExpectedConditions.urlContains("/catalog/pa-project"));
    }

    private static void assertNoSidewaysScrolling(Browser browser) {
        Long overflow = (Long) browser.driver().executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("no sideways scrolling").isLessThanOrEqualTo(0L);
    }
}
