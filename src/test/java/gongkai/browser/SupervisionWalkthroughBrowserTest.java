package gongkai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import gongkai.account.Accounts;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.Browser;

/**
 * As the city office would, in a real browser: open 公开情况, find the bodies that are late, record a check with a
 * finding, answer it as the body, accept it, and publish the year's assessment; then read the results at phone width.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SupervisionWalkthroughBrowserTest {

    @RegisterExtension
    static final Browser browser = Browser.desktop();

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(String username) {
        browser.driver().manage().deleteAllCookies();
        browser.signIn(url(""), username, Acting.PASSWORD);
    }

    private void setDate(String id, LocalDate date) {
        browser.driver().executeScript("document.getElementById(arguments[0]).value = arguments[1];", id,
                date.toString());
    }

    @Test
    void checkAnswerAcceptAndPublish() throws Exception {
        String auditor = Acting.newUser(accounts, Acting.CITY_OFFICE, Role.AUDITOR);
        String approver = Acting.newUser(accounts, "tgxzf", Role.APPROVER);
        String cityAdmin = Acting.newUser(accounts, Acting.CITY_OFFICE, Role.ADMIN);
        int year = LocalDate.now().getYear();

        // 公开情况: every body and its arrears, the worst first; then one body's obligations.
        browser.get(url("/"));
        browser.findElement(By.linkText("主动公开情况")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(year + "年主动公开情况");
        List<WebElement> rows = browser.findElements(By.cssSelector("main table tbody tr"));
        assertThat(rows).isNotEmpty();
        browser.assertNoAccessibilityProblems();
        browser.screenshot("supervision-0-status");
        browser.findElement(By.linkText("铜鼓县人民政府")).click();
        assertThat(browser.getPageSource()).contains("逾期未公开", "救助和福利补贴发放情况", "事项清单");
        browser.assertNoAccessibilityProblems();
        browser.screenshot("supervision-1-body");

        // The auditor records a check with one finding.
        signIn(auditor);
        browser.get(url("/admin/supervision"));
        browser.findElement(By.id("new-check")).click();
        new Select(browser.findElement(By.id("c-org"))).selectByVisibleText("铜鼓县人民政府");
        browser.findElement(By.cssSelector("input[name=scope][value=TIMELINESS]")).click();
        browser.findElement(By.id("p0")).sendKeys("救助和福利补贴发放情况10月份未按期公开");
        new Select(browser.findElement(By.id("i0"))).selectByValue("sa-recipients");
        setDate("d0", LocalDate.now().plusDays(10));
        browser.assertNoAccessibilityProblems();
        browser.screenshot("supervision-2-new-check");
        browser.clickButton("记录督查");
        assertThat(browser.findElement(By.cssSelector(".alert.ok")).getText()).contains("发现问题1个");
        browser.findElement(By.cssSelector("main table tbody tr td a")).click();
        String finding = browser.getCurrentUrl();
        assertThat(browser.findElements(By.xpath("//button[normalize-space()='确认销号']"))).isEmpty();

        // The body's approver answers with its rectification.
        signIn(approver);
        browser.get(finding);
        browser.findElement(By.id("rectify-text")).sendKeys("已补充公开10月份救助和福利补贴发放情况，并明确每月初核对。");
        browser.assertNoAccessibilityProblems();
        browser.clickButton("提交整改情况");
        assertThat(browser.getPageSource()).contains("已整改待确认");

        // The auditor accepts it.
        signIn(auditor);
        browser.get(finding);
        browser.clickButton("确认销号");
        assertThat(browser.getPageSource()).contains("已销号");
        browser.screenshot("supervision-3-closed");

        // The city office publishes the year's assessment.
        signIn(cityAdmin);
        browser.get(url("/admin/assessment"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("草稿");
        browser.assertNoAccessibilityProblems();
        browser.screenshot("supervision-4-draft");
        browser.clickButton("公布考核结果");
        // The confirmation is required: the browser refuses to send the form without it.
        assertThat(browser.getCurrentUrl()).contains("/admin/assessment");
        browser.findElement(By.name("confirmed")).click();
        browser.clickButton("公布考核结果");
        browser.waitForUrlContaining("/assessment/" + year, Duration.ofSeconds(10));
        assertThat(browser.getPageSource()).contains("政府信息公开工作考核", "铜鼓县人民政府", "得分依据");
        browser.assertNoAccessibilityProblems();
        browser.screenshot("supervision-5-published");
    }
}
