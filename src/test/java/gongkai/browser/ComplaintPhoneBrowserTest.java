package gongkai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import gongkai.feedback.Complaints;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.Browser;

/**
 * A resident on a phone reports that a village's 低保 list was not posted, follows it with the code, and reads the
 * answer once the civil affairs bureau has given it: every page readable without sideways scrolling, and accessible.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ComplaintPhoneBrowserTest {

    @RegisterExtension
    static final Browser phone = Browser.phone();

    @LocalServerPort
    int port;
    @Autowired
    Complaints complaints;

    @Test
    void aResidentReportsAMissingListAndReadsTheAnswer() throws Exception {
        String base = "http://localhost:" + port;
        phone.get(base + "/complaints/new");
        readableOnAPhone("complaint-form-phone");
        new Select(phone.findElement(By.id("c-category"))).selectByVisibleText("未按规定公开");
        new Select(phone.findElement(By.id("c-org"))).selectByVisibleText("宜春市民政局");
        phone.findElement(By.id("c-subject")).sendKeys("CBT 示例村低保名单未公示");
        phone.findElement(By.id("c-description")).sendKeys("示例村今年的低保名单没有在村务公开栏张贴，网站上也查不到。");
        phone.findElement(By.id("c-phone")).sendKeys("13812345678");
        String question = phone.findElement(By.cssSelector("label[for=c-check]")).getText();
        phone.findElement(By.id("c-check")).sendKeys(answer(question));
        phone.clickButton("提交投诉举报");
        new org.openqa.selenium.support.ui.WebDriverWait(phone.driver(), Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.id("tracking-no")).isEmpty());
        readableOnAPhone("complaint-received-phone");
        String no = phone.findElement(By.id("tracking-no")).getText();
        String code = phone.findElement(By.id("code")).getText();

        var approver = Acting.actor("ycsmzj", Role.APPROVER);
        Acting.as(approver, () -> complaints.reply(no, "已责成示例乡镇于5个工作日内张榜公示，并在网站发布。", true, approver));

        phone.get(base + "/complaints/track");
        phone.findElement(By.id("t-no")).sendKeys(no);
        phone.findElement(By.id("t-code")).sendKeys(code);
        phone.clickButton("查询");
        new org.openqa.selenium.support.ui.WebDriverWait(phone.driver(), Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.id("answer")).isEmpty());
        String text = phone.findElement(By.tagName("main")).getText();
        assertThat(text).contains("已答复", "经核查，投诉举报属实", "张榜公示", "督查整改问题", "宜春市民政局");
        readableOnAPhone("complaint-answer-phone");
    }

    private void readableOnAPhone(String screenshot) throws Exception {
        Long overflow = (Long) phone.driver().executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("the page itself does not scroll sideways").isLessThanOrEqualTo(0L);
        phone.assertNoAccessibilityProblems();
        phone.screenshot(screenshot);
    }

    private static String answer(String question) {
        Matcher m = Pattern.compile("([一二三四五六七八九])加([一二三四五六七八九])").matcher(question);
        assertThat(m.find()).as(question).isTrue();
        String digits = "零一二三四五六七八九";
        return String.valueOf(digits.indexOf(m.group(1)) + digits.indexOf(m.group(2)));
    }
}
