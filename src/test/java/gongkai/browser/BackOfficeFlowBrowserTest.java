package gongkai.browser;


import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import gongkai.support.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * As a new office would: the admin creates an editor, a reviewer and an approver in the back office, and one
 * record goes from draft to public through the three-step review, in a real browser.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BackOfficeFlowBrowserTest {

    private static final String PASSWORD = "Flow-Test-Passw0rd";
    @RegisterExtension
    static final Browser browser = Browser.desktop();

    @LocalServerPort
    int port;

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void signIn(String username, String password) {
        browser.signIn("http://localhost:" + port, username, password);
    }

    /** Signs out and waits for the answer, so that the next sign-in cannot overtake it. */
    private void signOut() {
        browser.findElement(By.cssSelector("form.logout button")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains("/admin/login"));
    }

    private void createUser(String username, String name, String role) {
        open("/admin/users");
        browser.findElement(By.id("nu-username")).sendKeys(username);
        browser.findElement(By.id("nu-name")).sendKeys(name);
        browser.findElement(By.id("nu-password")).sendKeys(PASSWORD);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("nu-org"))).selectByValue("ycsjyj");
        browser.findElement(By.cssSelector("input[name=roles][value=" + role + "]")).click();
        browser.clickButton("创建");
        assertThat(browser.findElement(By.cssSelector(".alert")).getText()).contains("已创建用户 " + username);
    }

    @Test
    void oneRecordFromDraftToPublicInTheBackOffice() throws Exception {
        signIn("admin", "Test-Admin-Passw0rd");
        createUser("jy-editor", "教育局信息员", "EDITOR");
        createUser("jy-reviewer", "教育局审核员", "REVIEWER");
        createUser("jy-approver", "教育局分管领导", "APPROVER");
        signOut();

        signIn("jy-editor", PASSWORD);
        open("/admin/records/new");
        browser.findElement(By.linkText("义务教育控辍保学工作进展")).click();
        browser.findElement(By.id("title")).sendKeys("2026年秋季学期义务教育控辍保学工作进展");
        browser.findElement(By.id("summary")).sendKeys("全市义务教育阶段控辍保学工作情况");
        // The body is typed into the bundled editor, which stands in for the textarea once scripts run.
        browser.findElement(By.tagName("trix-editor")).sendKeys("截至11月，全市义务教育阶段适龄儿童少年入学率保持100%。");
        browser.clickButton("保存");
        assertOk("草稿已保存");
        assertThat(browser.getPageSource()).contains("符合录入规范");
        browser.screenshot("flow-1-draft");
        browser.assertNoAccessibilityProblems();
        browser.clickButton("提交审核");
        assertOk("已提交审核");
        signOut();

        signIn("jy-reviewer", PASSWORD);
        open("/admin/records?queue=TO_REVIEW");
        browser.findElement(By.linkText("2026年秋季学期义务教育控辍保学工作进展")).click();
        browser.findElement(By.id("review-comment")).sendKeys("数据已核实");
        browser.clickButton("审核通过");
        assertOk("审核通过");
        signOut();

        signIn("jy-approver", PASSWORD);
        open("/admin/records?queue=TO_APPROVE");
        browser.findElement(By.linkText("2026年秋季学期义务教育控辍保学工作进展")).click();
        browser.clickButton("审批通过并发布");
        assertOk("已发布");
        browser.screenshot("flow-2-published");
        WebElement publicLink = browser.findElement(By.partialLinkText("查看公开页面"));
        publicLink.click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("2026年秋季学期义务教育控辍保学工作进展");
        String indexNo = browser.findElement(By.xpath("//th[normalize-space()='索引号']/following-sibling::td[1]"))
                .getText();
        assertThat(indexNo).matches("ycsjyj/2026-\\d{5}");
        browser.driver().manage().deleteAllCookies();

        open("/records");
        assertThat(browser.getPageSource()).contains("2026年秋季学期义务教育控辍保学工作进展");
        browser.findElement(By.linkText("2026年秋季学期义务教育控辍保学工作进展")).click();
        // The public sees the publisher, not the review's internal comments.
        assertThat(browser.getPageSource()).contains("宜春市教育局").doesNotContain("数据已核实");
        browser.screenshot("flow-3-public");
        browser.assertNoAccessibilityProblems();
    }


    /**
     * Waits for the next page's notice to say this: right after a click the old page (with its own notice) may still
     * be shown, and an element found on it goes stale when the new one arrives.
     */
    private void assertOk(String text) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector(".alert.ok")).stream().anyMatch(e -> e.getText().contains(text)));
    }
}
