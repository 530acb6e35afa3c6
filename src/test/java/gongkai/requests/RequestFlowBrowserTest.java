package gongkai.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
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
 * As a new user would: a resident asks the education bureau on the public form, follows the request with its code,
 * the bureau's approver answers it in the back office, and both download the reply letter — in a real browser.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RequestFlowBrowserTest {

    @RegisterExtension
    static final Browser browser = Browser.desktop();

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void type(String id, String text) {
        browser.findElement(By.id(id)).sendKeys(text);
    }

    @Test
    void askFollowAnswerAndDownloadTheLetter() throws Exception {
        String approver = Acting.newUser(accounts, "ycsjyj", Role.APPROVER);

        browser.get(url("/"));
        browser.findElement(By.linkText("申请公开")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("申请公开政府信息");
        new Select(browser.findElement(By.id("q-org"))).selectByVisibleText("宜春市教育局");
        type("q-name", "孙示例");
        type("q-idNumber", Applicants.idNumber());
        type("q-phone", "13907950003");
        type("q-description", "2026年秋季学期城区小学学位分配方案");
        String question = browser.findElement(By.cssSelector("label[for=q-check]")).getText();
        type("q-check", String.valueOf(solve(question)));
        browser.assertNoAccessibilityProblems();
        browser.screenshot("request-0-form");
        browser.clickButton("提交申请");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("申请已提交");
        String no = browser.findElement(By.id("tracking-no")).getText();
        String code = browser.findElement(By.id("query-code")).getText();
        assertThat(no).startsWith("SQ");
        assertThat(code).hasSize(10);
        browser.screenshot("request-1-submitted");
        browser.findElement(By.id("track-button")).click();
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("办理中");
        assertThat(browser.getCurrentUrl()).as("the query code stays out of the address").doesNotContain(code);
        assertThat(browser.findElement(By.id("due-on")).getText()).matches("\\d{4}年\\d{1,2}月\\d{1,2}日.*");
        browser.assertNoAccessibilityProblems();

        browser.get(url("/admin/login"));
        type("username", approver);
        type("password", Acting.PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        browser.findElement(By.linkText("依申请公开")).click();
        browser.findElement(By.linkText(no)).click();
        assertThat(browser.findElement(By.id("applicant-name")).getText()).startsWith("孙示例");
        new Select(browser.findElement(By.id("reply-outcome"))).selectByValue("PUBLIC");
        type("reply-text", "城区小学学位分配方案已于2026年7月印发，可到市教育局政务服务窗口查阅、复制。");
        browser.assertNoAccessibilityProblems();
        browser.clickButton("答复并生成告知书");
        assertThat(browser.findElement(By.cssSelector(".alert.ok")).getText()).contains("已答复");
        assertThat(browser.findElement(By.id("outcome")).getText()).isEqualTo("予以公开");
        browser.screenshot("request-2-answered");
        String staffLetter = browser.findElement(By.id("letter-link")).getAttribute("href");
        assertThat(letterText(staffLetter, browser.driver().manage().getCookieNamed("SESSION"))).contains(no, "行政复议");
        browser.findElement(By.cssSelector("form.logout button")).click();
        // Signed out only once the sign-out has answered; then the applicant's own visit starts afresh.
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains("/admin/login"));
        browser.driver().manage().deleteAllCookies();

        browser.get(url("/requests/track"));
        type("t-no", no);
        type("t-code", code);
        browser.clickButton("查询");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已办结");
        assertThat(browser.findElement(By.id("outcome")).getText()).isEqualTo("予以公开");
        assertThat(browser.getCurrentUrl()).doesNotContain(code);
        browser.screenshot("request-3-tracked");
        // The page's own download form (code and CSRF token in the body), submitted from the page.
        String pdf = (String) browser.driver().executeAsyncScript(
                "var done = arguments[arguments.length - 1]; var f = document.querySelector(arguments[0]);"
                        + " fetch(f.action, {method: 'POST', body: new FormData(f), credentials: 'same-origin'})"
                        + ".then(function (r) { return r.arrayBuffer(); }).then(function (b) { var s = '';"
                        + " var u = new Uint8Array(b); for (var i = 0; i < u.length; i++) { s += String.fromCharCode(u[i]); }"
                        + " done(btoa(s)); });", "form[action$='letter.pdf']");
        try (PDDocument doc = Loader.loadPDF(java.util.Base64.getDecoder().decode(pdf))) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", "")).contains("政府信息公开申请答复告知书",
                    no, "孙示例", "予以公开", "行政诉讼", "宜春市教育局");
        }
    }

    /** Fetches a PDF the page links to, with the browser's session where given, and returns its text. */
    private static String letterText(String href, Cookie session) throws IOException, InterruptedException {
        HttpRequest.Builder get = HttpRequest.newBuilder(URI.create(href)).GET();
        if (session != null) {
            get.header("Cookie", session.getName() + "=" + session.getValue());
        }
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(get.build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument doc = Loader.loadPDF(response.body())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }

    private static int solve(String question) {
        String digits = "零一二三四五六七八九";
        int plus = question.indexOf('加');
        return digits.indexOf(question.charAt(plus - 1)) + digits.indexOf(question.charAt(plus + 1));
    }

}
