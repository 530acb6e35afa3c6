package gongkai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import gongkai.environment.EiaCases;
import gongkai.environment.EiaNoticeInput;
import gongkai.environment.EiaStage;
import gongkai.environment.NewEiaCase;
import gongkai.publishing.Decision;
import gongkai.publishing.Publishing;
import gongkai.shared.Actor;
import gongkai.shared.Role;
import gongkai.support.Browser;

/**
 * An EIA case on a 390 px phone: from the list to the case, its timeline and the comment form with the human question,
 * a comment sent and counted, no sideways scrolling, accessible.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EiaCaseBrowserTest {

    @RegisterExtension
    static final Browser phone = Browser.window(390, 844);

    @LocalServerPort
    int port;
    @Autowired
    EiaCases cases;
    @Autowired
    Publishing publishing;

    @Test
    void aCaseWithItsOpenCommentPeriodOnAPhone() throws Exception {
        Actor clerk = new Actor("eiab-clerk", "ycshbj", EnumSet.of(Role.EDITOR), false);
        LocalDate today = LocalDate.now(gongkai.shared.PlatformConfiguration.CHINA);
        long id = Actor.callAs(clerk, () -> cases.create(new NewEiaCase("EIAB-浏览器测试项目年产五万吨再生资源综合利用项目",
                "EIAB建设单位有限公司", "360983", "某工业园区某路与某路交叉口东北侧", "EIAB环评机构", "ycshbj", "REPORT",
                today)));
        String ref = Actor.callAs(clerk, () -> cases.post(id, EiaStage.ACCEPTANCE,
                new EiaNoticeInput("EIAB受理公示内容", today, null, null)));
        Actor.callAs(new Actor("eiab-reviewer", "ycshbj", EnumSet.of(Role.REVIEWER), false), () -> {
            publishing.review(ref, Decision.PASS, "");
            return null;
        });
        Actor.callAs(new Actor("eiab-approver", "ycshbj", EnumSet.of(Role.APPROVER), false), () -> {
            publishing.approve(ref, Decision.PASS, "", null, null);
            return null;
        });

        String base = "http://localhost:" + port;
        phone.get(base + "/environment/eia");
        phone.findElement(By.linkText("EIAB-浏览器测试项目年产五万吨再生资源综合利用项目")).click();
        phone.waitForUrlContaining("/environment/eia/" + id, Duration.ofSeconds(10));
        assertThat(phone.findElements(By.cssSelector("#timeline > li"))).hasSize(3);
        assertThat(phone.findElement(By.id("stage-ACCEPTANCE")).getText()).contains("正在征求意见", "收到公众意见：0条");
        Long overflow = (Long) phone.driver().executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("the page itself does not scroll sideways").isLessThanOrEqualTo(0L);
        phone.assertNoAccessibilityProblems();

        phone.findElement(By.id("m-text")).sendKeys("EIAB建议公开施工期噪声监测结果");
        phone.findElement(By.id("m-contact")).sendKeys("eiab@example.com");
        Matcher m = Pattern.compile("请计算：([一二三四五六七八九])加([一二三四五六七八九])")
                .matcher(phone.findElement(By.cssSelector("label[for=m-check]")).getText());
        assertThat(m.find()).isTrue();
        String digits = "零一二三四五六七八九";
        phone.findElement(By.id("m-check")).sendKeys(String.valueOf(digits.indexOf(m.group(1))
                + digits.indexOf(m.group(2))));
        phone.clickButton("提交意见");
        new WebDriverWait(phone.driver(), Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("stage-ACCEPTANCE")).getText().contains("收到公众意见：1条"));
        assertThat(phone.getPageSource()).contains("意见已收到").doesNotContain("eiab@example.com");
        phone.assertNoAccessibilityProblems();
        phone.screenshot("eia-case-phone");
    }
}
