package gongkai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import gongkai.environment.PollutionSources;
import gongkai.shared.Actor;
import gongkai.shared.Role;
import gongkai.support.Browser;

/**
 * An enterprise's monitoring results on a 390-pixel phone: reached from the list by county, the results table stacked
 * one result per block with the exceedance in words, no sideways scrolling of the page, accessible.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PollutionPagesBrowserTest {

    private static final String CREDIT = "91360902MA0PLLT02F";

    @RegisterExtension
    static final Browser phone = Browser.window(390, 844);

    @LocalServerPort
    int port;
    @Autowired
    PollutionSources sources;

    @Test
    void anEnterprisesResultsOnAPhone() throws Exception {
        LocalDate yesterday = LocalDate.now(gongkai.shared.PlatformConfiguration.CHINA).minusDays(1);
        Actor clerk = new Actor("pollution-clerk", "ycshbj", EnumSet.of(Role.EDITOR), false);
        Actor.callAs(clerk, () -> {
            sources.register(new PollutionSources.NewEnterprise(CREDIT, "测试辛造纸有限公司（浏览器测试）", "360902",
                    "造纸和纸制品业"));
            sources.defineOutlet(CREDIT, new PollutionSources.NewOutlet("DW001", "废水总排放口", "WASTEWATER", "DAILY",
                    yesterday.minusDays(3).toString(), "化学需氧量,80,mg/L\n氨氮,8,mg/L\npH值,6-9,无量纲"));
            StringBuilder csv = new StringBuilder("outlet,pollutant,value,measuredAt\n");
            for (int d = 3; d >= 1; d--) {
                LocalDate day = LocalDate.now(gongkai.shared.PlatformConfiguration.CHINA).minusDays(d);
                csv.append("DW001,化学需氧量,").append(d == 2 ? "100" : "41.5").append(',').append(day).append(" 09:00\n");
                csv.append("DW001,氨氮,2.1,").append(day).append(" 09:00\n");
                csv.append("DW001,pH值,").append(d == 1 ? "9.4" : "7.1").append(',').append(day).append(" 09:00\n");
            }
            return sources.importCsv(CREDIT, csv.toString().getBytes(StandardCharsets.UTF_8));
        });

        String base = "http://localhost:" + port;
        phone.get(base + "/environment/pollution-sources");
        phone.findElement(By.linkText("测试辛造纸有限公司（浏览器测试）")).click();
        phone.waitForUrlContaining("/environment/pollution-sources/" + CREDIT, java.time.Duration.ofSeconds(10));
        new org.openqa.selenium.support.ui.WebDriverWait(phone.driver(), java.time.Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#results tbody tr")).size() == 9);
        assertThat(phone.findElement(By.cssSelector("#results")).getText()).contains("超标 0.25倍").contains("超标");
        Long overflow = (Long) phone.driver().executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("the page itself does not scroll sideways").isLessThanOrEqualTo(0L);
        phone.assertNoAccessibilityProblems();
        phone.screenshot("pollution-enterprise-phone");
    }
}
