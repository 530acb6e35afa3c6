package gongkai.ledger;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

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

    @RegisterExtension
    static final Browser browser = Browser.desktop();

    @RegisterExtension
    final PublishedRecords published = new PublishedRecords();
    @TempDir
    Path dir;

    private String url(String path) {
        return published.site() + path;
    }

    private Map<String, String> results() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> !d.findElements(
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
        String indexNo = published.publish("某村饮水安全巩固提升工程公示");
        String json = published.awaitLogged(indexNo);

        browser.get(url("/verify?record=" + indexNo));
        Map<String, String> genuine = results();
        assertThat(genuine.keySet()).containsExactly("content", "entry", "leaf", "inclusion", "signature", "summary");
        assertThat(genuine.values()).as("every step on the genuine record").containsOnly("pass");
        assertThat(browser.findElement(By.id("verify-summary")).getText()).contains("核验通过");
        assertThat(browser.findElement(By.id("verify-facts")).getText()).contains("某村饮水安全巩固提升工程公示", indexNo);
        browser.screenshot("verify-platform-pass");

        Path file = dir.resolve("record.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        browser.get(url("/verify"));
        browser.findElement(By.id("record-file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#verify-file-form button")).click();
        assertThat(results().values()).as("the downloaded file").containsOnly("pass");

        published.alterBodyInDatabase(indexNo, "<p>已被悄悄改动的正文。</p>");
        browser.get(url("/verify?record=" + indexNo));
        Map<String, String> altered = results();
        assertThat(altered).containsEntry("content", "fail").containsEntry("summary", "fail")
                .containsEntry("entry", "pass").containsEntry("inclusion", "pass").containsEntry("signature", "pass");
        assertThat(browser.findElement(By.cssSelector("#verify-steps li[data-step=content]")).getText())
                .contains("内容在记入日志之后被改动过");
        assertThat(browser.findElement(By.id("verify-summary")).getText()).contains("核验未通过");
        browser.screenshot("verify-platform-altered");
    }
}
