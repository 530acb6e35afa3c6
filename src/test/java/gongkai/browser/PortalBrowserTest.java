package gongkai.browser;

import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import gongkai.support.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/** The portal in a real browser, at phone width: what a resident sees, and that it is accessible. */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortalBrowserTest {

    private static ChromeDriver phone;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        phone = Browser.start(375, 812);
    }

    @AfterAll
    static void stopBrowser() {
        if (phone != null) {
            phone.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void homeShowsTheSevenFieldsOnAPhone() throws Exception {
        phone.get(url("/"));
        List<WebElement> domains = phone.findElements(By.cssSelector("ul.domains li a .card-title"));
        assertThat(domains).extracting(WebElement::getText).containsExactly("精准扶贫精准脱贫", "社会救助和社会福利",
                "教育", "基本医疗卫生", "环境保护", "灾害事故救援", "公共文化体育");
        Long overflow = (Long) ((JavascriptExecutor) phone).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0L);
        Browser.screenshot(phone, "home-phone");
        assertNoSeriousAccessibilityProblems();
    }

    @Test
    void aResidentFollowsAFieldToAnItemAndSeesItsSchema() throws Exception {
        phone.get(url("/"));
        phone.findElement(By.partialLinkText("精准扶贫精准脱贫")).click();
        phone.findElement(By.linkText("扶贫项目")).click();
        assertThat(phone.findElement(By.tagName("h1")).getText()).isEqualTo("扶贫项目");
        assertThat(phone.findElements(By.cssSelector("table.schema tbody tr"))).hasSize(9);
        Browser.screenshot(phone, "catalog-item-phone");
        assertNoSeriousAccessibilityProblems();
    }

    @Test
    void organisationPageNamesItsResponsibleLeader() throws Exception {
        phone.get(url("/orgs/ycsmzj"));
        assertThat(phone.findElement(By.tagName("h1")).getText()).isEqualTo("宜春市民政局");
        assertThat(phone.findElement(By.id("responsible-leader")).isDisplayed()).isTrue();
        assertNoSeriousAccessibilityProblems();
    }

    @Test
    void anAdminSignsInThroughTheLoginForm() throws Exception {
        phone.get(url("/admin/users"));
        assertThat(phone.getCurrentUrl()).endsWith("/admin/login");
        assertNoSeriousAccessibilityProblems();
        phone.findElement(By.id("username")).sendKeys("admin");
        phone.findElement(By.id("password")).sendKeys("Test-Admin-Passw0rd");
        phone.findElement(By.cssSelector("form.form button[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(phone, java.time.Duration.ofSeconds(5))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/admin/users"));
        assertThat(phone.findElement(By.tagName("h1")).getText()).isEqualTo("用户");
        phone.get(url("/admin"));
        assertThat(phone.getPageSource()).contains("全市所有机构");
        Browser.screenshot(phone, "admin-start-phone");
        phone.findElement(By.cssSelector("form.logout button")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(phone, java.time.Duration.ofSeconds(5))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/admin/login"));
    }

    private static void assertNoSeriousAccessibilityProblems() {
        Results results = new AxeBuilder().analyze(phone);
        List<String> serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(PortalBrowserTest::describe).toList();
        assertThat(serious).as("axe-core serious/critical violations on " + phone.getCurrentUrl()).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes().stream().limit(3)
                .map(n -> String.valueOf(n.getTarget())).toList();
    }
}
