package gongkai.ledger;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import gongkai.support.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real /verify page and script (served by the platform) in headless Chromium at phone width, checking records
 * served by {@link FixtureLog} — an independent log with a throwaway key placed in front of the platform — so that
 * the browser's checks are exercised on a genuine record and on each kind of alteration, and when the browser has
 * no Ed25519.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class VerifyPageScriptBrowserTest {

    private static final List<String> STEPS_AND_SUMMARY = List.of("content", "entry", "leaf", "inclusion",
            "signature", "summary");
    @RegisterExtension
    static final Browser phone = Browser.phone();
    private static KeyPair key;

    @LocalServerPort
    int port;
    @TempDir
    Path dir;

    private FixtureLog log;

    @BeforeAll
    static void startBrowser() throws Exception {
        key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    @BeforeEach
    void startLog() throws Exception {
        log = new FixtureLog(key, "http://localhost:" + port);
    }

    @AfterEach
    void stopLog() {
        log.close();
    }

    /** Waits for the page's verdict; answers each step's result by its id, and the verdict as "summary". */
    private Map<String, String> results() {
        new WebDriverWait(phone.driver(), Duration.ofSeconds(15)).until(d -> !d.findElements(
                By.cssSelector("#verify-summary[data-result]")).isEmpty());
        Map<String, String> results = new LinkedHashMap<>();
        for (WebElement li : phone.findElements(By.cssSelector("#verify-steps li"))) {
            results.put(li.getDomAttribute("data-step"), li.getDomAttribute("data-result"));
        }
        results.put("summary", phone.findElement(By.id("verify-summary")).getDomAttribute("data-result"));
        return results;
    }

    private String text(String step) {
        return phone.findElement(By.cssSelector("#verify-steps li[data-step=" + step + "]")).getText();
    }

    private String summary() {
        return phone.findElement(By.id("verify-summary")).getText();
    }

    @Test
    void aGenuineRecordPassesEveryStepOnAPhone() throws Exception {
        phone.get(log.url() + "/verify?record=ycsjyj%2F2026-00005");
        Map<String, String> results = results();
        assertThat(results.keySet()).containsExactlyElementsOf(STEPS_AND_SUMMARY);
        assertThat(results.values()).containsOnly("pass");
        assertThat(summary()).contains("核验通过");
        assertThat(text("inclusion")).contains("编号 4 的位置", "日志共 7 条");
        String fingerprint = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(key.getPublic().getEncoded()));
        assertThat(text("signature")).contains("公钥指纹（SHA-256）：" + fingerprint,
                "签发于 2026-11-27 16:00（北京时间）").doesNotContain("undefined");
        assertThat(phone.findElement(By.id("verify-facts")).getText()).contains("2026年秋季学期学生资助名单公示",
                "ycsjyj/2026-00005", "发布第 1 版");
        Long overflow = (Long) phone.driver().executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0L);
        phone.screenshot("verify-pass-phone");
        phone.assertNoAccessibilityProblems();
    }

    @Test
    void aRecordAddressPastedIntoTheFormIsChecked() {
        phone.get(log.url() + "/verify");
        phone.findElement(By.id("record")).sendKeys("https://example.gov.cn/records/ycsjyj/2026-00005?code=1");
        phone.findElement(By.cssSelector("#verify-form button")).click();
        assertThat(results().get("summary")).isEqualTo("pass");
        assertThat(phone.getCurrentUrl()).contains("/verify?record=");
    }

    @Test
    void changedContentIsReportedInPlainChinese() throws Exception {
        log.tamperContent = true;
        phone.get(log.url() + "/verify?record=ycsjyj/2026-00005");
        Map<String, String> results = results();
        assertThat(results).containsEntry("content", "fail").containsEntry("summary", "fail")
                .containsEntry("inclusion", "pass").containsEntry("signature", "pass");
        assertThat(text("content")).contains("未通过", "内容在记入日志之后被改动过");
        assertThat(summary()).contains("核验未通过", "1 项检查不成立");
        phone.driver().executeScript("document.getElementById('verify-steps').scrollIntoView();");
        phone.screenshot("verify-content-changed-phone");
    }

    @Test
    void anotherRecordPassedOffAsTheOneAskedForFails() {
        log.answerEveryNumber = true;
        phone.get(log.url() + "/verify?record=ycsjyj/2026-00006");
        assertThat(results()).containsEntry("entry", "fail").containsEntry("content", "pass")
                .containsEntry("summary", "fail");
        assertThat(text("entry")).contains("所查 ycsjyj/2026-00006");
    }

    @Test
    void aBrokenProofOrAForgedHeadFails() {
        log.tamperProof = true;
        phone.get(log.url() + "/verify?record=ycsjyj/2026-00005");
        assertThat(results()).containsEntry("inclusion", "fail").containsEntry("content", "pass")
                .containsEntry("summary", "fail");
        assertThat(text("inclusion")).contains("无法证明这条信息记入了它签名的日志");

        log.tamperProof = false;
        log.tamperSignature = true;
        phone.get(log.url() + "/verify?record=ycsjyj/2026-00005");
        assertThat(results()).containsEntry("signature", "fail").containsEntry("summary", "fail");
        assertThat(text("signature")).contains("签名无效");
    }

    @Test
    void aDownloadedFileIsChecked() throws Exception {
        Path file = dir.resolve("record.json");
        Files.writeString(file, log.recordJson(), StandardCharsets.UTF_8);
        phone.get(log.url() + "/verify");
        phone.findElement(By.id("record-file")).sendKeys(file.toAbsolutePath().toString());
        phone.findElement(By.cssSelector("#verify-file-form button")).click();
        assertThat(results().values()).containsOnly("pass");

        Files.writeString(file, log.recordJson().replace("2000.00", "200.00"), StandardCharsets.UTF_8);
        phone.get(log.url() + "/verify");
        phone.findElement(By.id("record-file")).sendKeys(file.toAbsolutePath().toString());
        phone.findElement(By.cssSelector("#verify-file-form button")).click();
        assertThat(results()).containsEntry("content", "fail").containsEntry("summary", "fail");

        Files.writeString(file, "不是JSON", StandardCharsets.UTF_8);
        phone.get(log.url() + "/verify");
        phone.findElement(By.id("record-file")).sendKeys(file.toAbsolutePath().toString());
        phone.findElement(By.cssSelector("#verify-file-form button")).click();
        assertThat(results()).containsEntry("summary", "error");
        assertThat(summary()).contains("不是本平台的信息文件");
    }

    /** As in a browser whose Web Crypto has no Ed25519 (WeChat's, Chromium before 137): importKey refuses it. */
    private static final String NO_WEB_CRYPTO_ED25519 = "(function () { var s = crypto.subtle,"
            + " importKey = s.importKey.bind(s); s.importKey = function (f, k, a, e, u) {"
            + " if (a && (a === 'Ed25519' || a.name === 'Ed25519')) {"
            + " return Promise.reject(new DOMException('unsupported', 'NotSupportedError')); }"
            + " return importKey(f, k, a, e, u); }; })();";

    @Test
    void withoutWebCryptoEd25519ThePagesOwnCheckDecides() throws Exception {
        withScriptOnNewDocument(NO_WEB_CRYPTO_ED25519, () -> {
            phone.get(log.url() + "/verify?record=ycsjyj/2026-00005");
            assertThat(results()).containsEntry("signature", "pass").containsEntry("summary", "pass");
            assertThat(text("signature")).contains("签名有效");

            log.tamperSignature = true;
            phone.get(log.url() + "/verify?record=ycsjyj/2026-00005");
            assertThat(results()).containsEntry("signature", "fail").containsEntry("summary", "fail");
            assertThat(text("signature")).contains("签名无效");
        });
    }

    @Test
    void withNoWayToCheckEd25519ThePageSaysSoAndClaimsNothing() throws Exception {
        // Neither Web Crypto's Ed25519 nor BigInt, which the page's own check needs (browsers before 2020).
        withScriptOnNewDocument(NO_WEB_CRYPTO_ED25519 + " window.BigInt = undefined;", () -> {
            phone.get(log.url() + "/verify?record=ycsjyj/2026-00005");
            Map<String, String> results = results();
            assertThat(results).containsEntry("signature", "unknown").containsEntry("content", "pass")
                    .containsEntry("summary", "unknown");
            assertThat(text("signature")).contains("不支持在网页中核验Ed25519签名", "命令行核验工具");
            assertThat(summary()).contains("未能完成核验").doesNotContain("核验通过");
            phone.driver().executeScript(
                    "document.querySelector('#verify-steps li[data-step=signature]').scrollIntoView();");
            phone.screenshot("verify-no-ed25519-phone");
        });
    }

    interface Check {
        void run() throws Exception;
    }

    private void withScriptOnNewDocument(String source, Check check) throws Exception {
        Object added = phone.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", source));
        try {
            check.run();
        } finally {
            phone.driver().executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier",
                    ((Map<?, ?>) added).get("identifier")));
        }
    }

    @Test
    void theBrowserRemembersTheLogAndProvesItOnlyGrew() {
        phone.get(log.url() + "/verify?record=ycsjyj/2026-00005");
        assertThat(results()).containsEntry("summary", "pass").doesNotContainKey("history");

        log.grow(5);
        phone.get(log.url() + "/verify?record=ycsjyj/2026-00005");
        assertThat(results()).containsEntry("history", "pass").containsEntry("summary", "pass");
        assertThat(text("history")).contains("新增了 5 条");

        phone.get(log.url() + "/verify?record=ycsjyj/2026-00005");
        assertThat(results()).containsEntry("history", "pass");
        assertThat(text("history")).contains("与上次核验时相同");

        // An entry signed before is replaced, and the log grows over it: the record itself still checks out, but the
        // consistency proof from what this browser saw last cannot hold.
        log.rewrite(1);
        log.grow(2);
        phone.get(log.url() + "/verify?record=ycsjyj/2026-00005");
        assertThat(results()).containsEntry("content", "pass").containsEntry("history", "fail")
                .containsEntry("summary", "fail");
        assertThat(text("history")).contains("一致性证明不成立");
    }

    @Test
    void aRecordNotLoggedOrUnknownIsExplained() {
        log.withholdLedger = true;
        phone.get(log.url() + "/verify?record=ycsjyj/2026-00005");
        assertThat(results()).containsEntry("summary", "error");
        assertThat(summary()).contains("没有日志记录");

        phone.get(log.url() + "/verify?record=ycsjyj/2026-99999");
        assertThat(results()).containsEntry("summary", "error");
        assertThat(summary()).contains("没有索引号为“ycsjyj/2026-99999”的公开信息");
    }
}
