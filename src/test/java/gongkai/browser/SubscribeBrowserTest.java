package gongkai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import gongkai.notify.RecordingChannels;
import gongkai.notify.Subscriptions;
import gongkai.notify.internal.channel.MessageKinds;
import gongkai.privacy.Masking;
import gongkai.support.Browser;

/**
 * A resident on a 390-pixel phone subscribes by SMS to 社会救助 in 袁州区 from the footer's link, confirms with the
 * code the SMS brought, opens the page every message links to and unsubscribes; between, the city office reads the
 * push log with the number masked. Every page readable without sideways scrolling, and accessible.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(RecordingChannels.class)
class SubscribeBrowserTest {

    @RegisterExtension
    static final Browser phone = Browser.window(390, 844);

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("recordingSms")
    RecordingChannels.Recording sms;
    @Autowired
    Subscriptions subscriptions;

    @Test
    void aResidentSubscribesBySmsConfirmsWithTheCodeAndUnsubscribes() throws Exception {
        String base = "http://localhost:" + port;
        String mobile = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        phone.get(base + "/records");
        phone.findElement(By.linkText("订阅推送")).click();
        phone.waitForUrlContaining("/subscribe", Duration.ofSeconds(10));
        readableOnAPhone("subscribe-form-390", true);

        phone.findElement(By.cssSelector("input[name=channel][value=SMS]")).click();
        phone.findElement(By.id("s-address")).sendKeys("1380013");
        phone.findElement(By.cssSelector("input[name=domain][value=social-assistance]")).click();
        new Select(phone.findElement(By.id("s-region"))).selectByVisibleText("袁州区（全境）");
        phone.clickButton("订阅");
        // A number too short: named beside the field, the other choices kept.
        assertThat(phone.findElement(By.id("err-address")).getText()).startsWith("手机号码应为11位");
        assertThat(phone.findElement(By.cssSelector("input[name=domain][value=social-assistance]")).isSelected())
                .isTrue();
        assertThat(new Select(phone.findElement(By.id("s-region"))).getFirstSelectedOption().getText())
                .isEqualTo("袁州区（全境）");
        readableOnAPhone("subscribe-error-390", true);
        phone.findElement(By.id("s-address")).clear();
        phone.findElement(By.id("s-address")).sendKeys(mobile);
        phone.clickButton("订阅");
        new WebDriverWait(phone.driver(), Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("s-code")).isEmpty());
        assertThat(phone.findElement(By.id("next-step")).getText()).contains("验证码已发送至").doesNotContain(mobile);
        readableOnAPhone("subscribe-code-390", false);

        String code = sms.await(mobile, o -> MessageKinds.CONFIRM.equals(o.kind())).fields().get("code");
        phone.findElement(By.id("s-code")).sendKeys(code);
        phone.clickButton("确认订阅");
        new WebDriverWait(phone.driver(), Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.id("subscribed")).isEmpty());
        assertThat(phone.findElement(By.id("subscription")).getText()).contains("短信", "领域：社会救助和社会福利；地区：袁州区",
                "即时推送");
        readableOnAPhone("subscribe-done-390", false);

        String manage = phone.findElement(By.id("manage-link")).getAttribute("href");

        // The city office's 推送记录 shows the confirmation sent and the subscription, the number masked.
        phone.signIn(base, "admin", "Test-Admin-Passw0rd");
        phone.get(base + "/admin/notify");
        String log = phone.findElement(By.tagName("main")).getText();
        assertThat(log).contains("推送记录", "订阅确认", "领域：社会救助和社会福利；地区：袁州区", Masking.mobile(mobile))
                .doesNotContain(mobile);
        readableOnAPhone("admin-notify-390", true);

        phone.get(manage);
        new WebDriverWait(phone.driver(), Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.id("unsubscribe-form")).isEmpty());
        String token = phone.getCurrentUrl().substring(phone.getCurrentUrl().lastIndexOf('/') + 1);
        assertThat(subscriptions.byToken(token)).get().matches(s -> s.active());
        assertThat(phone.findElement(By.tagName("main")).getText()).contains("已生效").doesNotContain(mobile);
        readableOnAPhone("subscribe-manage-390", true);

        phone.clickButton("退订");
        new WebDriverWait(phone.driver(), Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.id("unsubscribed")).isEmpty());
        assertThat(phone.findElement(By.tagName("h1")).getText()).isEqualTo("已退订");
        assertThat(subscriptions.byToken(token)).isEmpty();
        readableOnAPhone("subscribe-ended-390", false);
    }

    private void readableOnAPhone(String screenshot, boolean wholePage) throws Exception {
        Long overflow = (Long) phone.driver().executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("the page itself does not scroll sideways").isLessThanOrEqualTo(0L);
        phone.assertNoAccessibilityProblems();
        if (wholePage) {
            phone.screenshotWholePage(screenshot);
        } else {
            phone.screenshot(screenshot);
        }
    }
}
