package gongkai.ledger;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import gongkai.publishing.Drafting;
import gongkai.publishing.Publishing;
import gongkai.publishing.Records;
import gongkai.support.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end on the running platform, ledger module included: a record published through the three-step review
 * passes every check of /verify in headless Chromium (by index number and as a downloaded file); after its body is
 * altered directly in the database, the page reports that the content no longer matches the log.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class VerifyPageEndToEndBrowserTest {

    private static ChromeDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    Drafting drafting;
    @Autowired
    Publishing publishing;
    @Autowired
    Records records;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path dir;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start(1280, 1000);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private Map<String, String> results() {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(
                By.cssSelector("#verify-summary[data-result]")).isEmpty());
        Map<String, String> results = new LinkedHashMap<>();
        for (WebElement li : browser.findElements(By.cssSelector("#verify-steps li"))) {
            results.put(li.getDomAttribute("data-step"), li.getDomAttribute("data-result"));
        }
        results.put("summary", browser.findElement(By.id("verify-summary")).getDomAttribute("data-result"));
        return results;
    }

    @Test
    void aPublishedRecordVerifiesUntilItsStoredBodyIsAltered() throws Exception {
        String indexNo = PublishedRecords.publish(drafting, publishing, records, "某村饮水安全巩固提升工程公示");
        String json = PublishedRecords.awaitLogged(url(""), indexNo);

        browser.get(url("/verify?record=" + indexNo));
        Map<String, String> genuine = results();
        assertThat(genuine.keySet()).containsExactly("content", "entry", "leaf", "inclusion", "signature", "summary");
        assertThat(genuine.values()).as("every step on the genuine record").containsOnly("pass");
        assertThat(browser.findElement(By.id("verify-summary")).getText()).contains("核验通过");
        assertThat(browser.findElement(By.id("verify-facts")).getText()).contains("某村饮水安全巩固提升工程公示", indexNo);
        Browser.screenshot(browser, "verify-platform-pass");

        Path file = dir.resolve("record.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        browser.get(url("/verify"));
        browser.findElement(By.id("record-file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#verify-file-form button")).click();
        assertThat(results().values()).as("the downloaded file").containsOnly("pass");

        PublishedRecords.alterBodyInDatabase(jdbc, indexNo, "<p>已被悄悄改动的正文。</p>");
        browser.get(url("/verify?record=" + indexNo));
        Map<String, String> altered = results();
        assertThat(altered).containsEntry("content", "fail").containsEntry("summary", "fail")
                .containsEntry("entry", "pass").containsEntry("inclusion", "pass").containsEntry("signature", "pass");
        assertThat(browser.findElement(By.cssSelector("#verify-steps li[data-step=content]")).getText())
                .contains("内容在记入日志之后被改动过");
        assertThat(browser.findElement(By.id("verify-summary")).getText()).contains("核验未通过");
        Browser.screenshot(browser, "verify-platform-altered");
    }
}
