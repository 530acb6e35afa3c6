package gongkai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import gongkai.account.Accounts;
import gongkai.publishing.Decision;
import gongkai.publishing.Publishing;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.Browser;
import gongkai.support.Staff;

/**
 * A county clerk fills in last year's report on a phone — a wrong figure refused beside its field with what was typed
 * kept — and submits it; once reviewed and approved, a resident on a phone goes from the home page to the report in
 * two clicks, reads it without sideways scrolling of the page, and the PDF beside it opens.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AnnualReportBrowserTest {

    private static final String ORG = "sgxzf";

    @RegisterExtension
    static final Browser phone = Browser.phone();

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Publishing publishing;

    @Test
    void aClerkFillsInLastYearsReportAndAResidentFindsIt() throws Exception {
        String base = "http://localhost:" + port;
        int year = LocalDate.now().getYear() - 1;
        String clerk = Acting.newUser(accounts, ORG, Role.EDITOR);
        phone.signIn(base, clerk, Acting.PASSWORD);
        phone.get(base + "/admin/annual-reports");
        phone.findElement(By.linkText("填写" + year + "年年报")).click();
        phone.findElement(By.id("s-OVERVIEW")).sendKeys("上高县坚持以公开为常态、不公开为例外。");
        phone.findElement(By.id("s-PROBLEMS")).sendKeys("部分栏目更新不及时。");
        phone.findElement(By.id("f-LICENSING")).sendKeys("三百");
        phone.findElement(By.cssSelector("#report-form button[type=submit]")).click();
        waitFor(".figures .alert.error", "行政许可的本年处理决定数量应为不小于0的整数，而不是“三百”。");
        assertThat(phone.findElement(By.id("s-OVERVIEW")).getDomProperty("value")).isEqualTo("上高县坚持以公开为常态、不公开为例外。");
        phone.findElement(By.id("f-LICENSING")).clear();
        String[][] figures = {{"LICENSING", "300"}, {"PUNISHMENT", "12"}, {"COERCION", "0"}, {"FEES", "0"}};
        for (String[] f : figures) {
            phone.findElement(By.id("f-" + f[0])).clear();
            phone.findElement(By.id("f-" + f[0])).sendKeys(f[1]);
            phone.findElement(By.id("src-" + f[0])).sendKeys("县政务服务中心统计");
        }
        phone.findElement(By.cssSelector("#report-form button[type=submit]")).click();
        waitFor(".alert.ok", "已保存");
        assertThat(phone.findElements(By.id("missing"))).isEmpty();
        phone.findElement(By.cssSelector("#submit-form button[type=submit]")).click();
        waitFor("#report-status", "审核中");
        phone.screenshot("annual-report-submitted-phone");
        String ref = phone.findElement(By.linkText("查看审核进度")).getDomAttribute("href").replace("/admin/records/", "");

        Staff staff = Staff.of(ORG);
        Acting.as(staff.reviewer(), () -> publishing.review(ref, Decision.PASS, "同意"));
        Acting.as(staff.approver(), () -> publishing.approve(ref, Decision.PASS, "同意发布", null, null));

        phone.driver().manage().deleteAllCookies();
        phone.get(base + "/");
        phone.findElement(By.linkText("政府信息公开工作年度报告")).click();
        phone.findElement(By.cssSelector("#org-" + ORG + " a[href='/annual-reports/" + ORG + "/" + year + "']")).click();
        waitFor("h1", "上高县人民政府" + year + "年政府信息公开工作年度报告");
        assertThat(phone.getPageSource()).contains("上高县坚持以公开为常态、不公开为例外。", "第二十条第（五）项", "申请人情况",
                "未经复议直接起诉");
        Long overflow = (Long) phone.driver().executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("the page itself does not scroll sideways").isLessThanOrEqualTo(0L);
        phone.assertNoAccessibilityProblems();
        phone.screenshot("annual-report-phone");
        String pdf = phone.findElement(By.id("report-pdf")).getDomAttribute("href");
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + pdf)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(answer.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    /** Waits for the page that follows a click: the old one may still be shown for a moment. */
    private void waitFor(String css, String text) {
        new org.openqa.selenium.support.ui.WebDriverWait(phone.driver(), Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(text)));
    }
}
