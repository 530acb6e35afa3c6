package gongkai.browser;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import gongkai.publishing.Decision;
import gongkai.publishing.Drafting;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordInput;
import gongkai.publishing.Records;
import gongkai.support.Browser;
import gongkai.support.Staff;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A villager with the paper notice and a phone, keyboard only: from the home page, Tab to the 查阅码 box, type the
 * code, Enter, and the record opens. Focus is visible on the way, and axe-core finds nothing at any impact.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CodeBoxBrowserTest {

    private static final String TITLE = "某村2026年低保对象名单公示（键盘测试）";

    @RegisterExtension
    static final Browser phone = Browser.phone();

    @LocalServerPort
    int port;
    @Autowired
    Drafting drafting;
    @Autowired
    Publishing publishing;
    @Autowired
    Records records;

    private String publishTargeted() {
        Staff s = Staff.of("fxxzf");
        RecordInput input = new RecordInput("pa-identification", "fxxzf", "360921", TITLE, "名单", null,
                LocalDate.of(2026, 10, 20), "<p>现将名单公示如下。</p>", List.of("低保"), null, "低保对象", null, null,
                List.of(Map.of("户主姓名", "黄小平", "家庭人口", "2", "所在村组", "某村二组", "识别或退出", "识别", "年度", "2026")),
                null, null);
        String ref = as(s.editor(), () -> drafting.create(input));
        as(s.editor(), () -> publishing.submit(ref));
        as(s.reviewer(), () -> publishing.review(ref, Decision.PASS, ""));
        as(s.approver(), () -> publishing.approve(ref, Decision.PASS, "", null, null));
        return as(s.editor(), () -> records.view(ref, null)).accessCode();
    }

    @Test
    void keyboardOnlyFromTheHomePageThroughTheCodeBoxToTheRecord() throws Exception {
        String code = publishTargeted();
        phone.get("http://localhost:" + port + "/");
        phone.assertNoAccessibilityProblems();
        WebElement active = null;
        for (int i = 0; i < 60; i++) {
            phone.driver().switchTo().activeElement().sendKeys(Keys.TAB);
            active = phone.driver().switchTo().activeElement();
            String outline = active.getCssValue("outline-style");
            assertThat(outline).as("focus visible on " + active.getTagName() + " " + active.getText())
                    .isNotEqualTo("none");
            if ("home-code".equals(active.getAttribute("id"))) {
                break;
            }
        }
        assertThat(active.getAttribute("id")).as("the code box is reached by Tab").isEqualTo("home-code");
        active.sendKeys(code.toLowerCase());
        phone.screenshot("code-home-phone");
        active.sendKeys(Keys.ENTER);
        new WebDriverWait(phone.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/records/"));
        assertThat(phone.findElement(By.tagName("h1")).getText()).contains(TITLE);
        assertThat(phone.getPageSource()).contains("黄*平").doesNotContain("黄小平");
        phone.screenshot("code-record-phone");
        phone.assertNoAccessibilityProblems();
    }

    @Test
    void aWrongCodeSaysSoAndTheBoxIsOfferedAgain() throws Exception {
        phone.get("http://localhost:" + port + "/code?code=23456789");
        assertThat(phone.findElement(By.cssSelector("p.alert.error")).getText()).contains("查阅码不正确");
        assertThat(phone.findElement(By.id("code")).isDisplayed()).isTrue();
        phone.screenshot("code-wrong-phone");
        phone.assertNoAccessibilityProblems();
    }
}
