package gongkai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import gongkai.emergency.NewWarning;
import gongkai.emergency.Warnings;
import gongkai.shared.Actor;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.Role;
import gongkai.support.Browser;

/**
 * The warning banner on a phone: the home page shows the warning in force with its colour and its text label, the
 * page does not scroll sideways, the banner leads to the warning's page, and both are accessible.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WarningBannerBrowserTest {

    @RegisterExtension
    static final Browser phone = Browser.phone();

    @LocalServerPort
    int port;
    @Autowired
    Warnings warnings;

    @Test
    void theBannerOnAPhone() throws Exception {
        Actor issuer = new Actor("wbb-approver", "ycsyjj", EnumSet.of(Role.APPROVER), false);
        LocalDateTime now = LocalDateTime.now(PlatformConfiguration.CHINA).withSecond(0).withNano(0);
        long id = Actor.callAs(issuer, () -> warnings.issue(new NewWarning("高温", "RED", List.of("360926"), null,
                "WBB 最高气温将升至40℃以上。", "WBB 避免午后户外作业。", now.minusHours(1).toString(),
                now.plusHours(2).toString())));
        try {
            String base = "http://localhost:" + port;
            phone.get(base + "/");
            var link = phone.findElement(By.cssSelector(".warning-banner a[href$='/warnings/" + id + "']"));
            assertThat(link.getText()).contains("高温红色预警 Ⅰ级", "铜鼓县");
            Long overflow = (Long) phone.driver().executeScript(
                    "return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(overflow).as("the page itself does not scroll sideways").isLessThanOrEqualTo(0L);
            phone.assertNoAccessibilityProblems();
            link.click();
            phone.waitForUrlContaining("/warnings/" + id, java.time.Duration.ofSeconds(10));
            assertThat(phone.findElement(By.tagName("h1")).getText()).isEqualTo("宜春市应急管理局发布高温红色预警");
            overflow = (Long) phone.driver().executeScript(
                    "return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(overflow).isLessThanOrEqualTo(0L);
            phone.assertNoAccessibilityProblems();
            phone.screenshot("warning-banner-phone");
        } finally {
            Actor.callAs(issuer, () -> warnings.cancel(id, "WBB 测试结束。"));
        }
    }
}
