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

import gongkai.catalog.ReportingPeriod;
import gongkai.environment.WaterQualityData;
import gongkai.shared.Actor;
import gongkai.shared.Role;
import gongkai.support.Browser;

/**
 * The water pages on a phone: from /environment/water to the latest quarter, the sections' table with the class as
 * text, no sideways scrolling of the page, accessible.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WaterPagesBrowserTest {

    @RegisterExtension
    static final Browser phone = Browser.phone();

    @LocalServerPort
    int port;
    @Autowired
    WaterQualityData water;

    @Test
    void lastQuartersSurfaceWaterOnAPhone() throws Exception {
        ReportingPeriod last = WaterQualityData.previousQuarter(WaterQualityData.quarterOf(LocalDate.now()));
        LocalDate day = last.firstDay().plusDays(14);
        Actor clerk = new Actor("water-clerk", "ycshbj", EnumSet.of(Role.EDITOR), false);
        Actor.callAs(clerk, () -> {
            water.addSection("TWB-1", "TW浏览器测试河断面", "360981", "river", clerk);
            water.addSection("TWB-2", "TW浏览器测试水库", "360982", "lake", clerk);
            return water.importSamplesCsv(("sampledOn,sectionCode,ph,do,codmn,cod,bod5,nh3n,tp,tn,fecalColiform\n"
                    + day + ",TWB-1,7.2,5.5,8,25,5,2.6,0.35,3.1,12000\n"
                    + day + ",TWB-2,7.5,8.1,2.5,10,2,0.2,0.02,0.6,800\n").getBytes(StandardCharsets.UTF_8), clerk);
        });

        String base = "http://localhost:" + port;
        phone.get(base + "/environment/water");
        phone.findElement(By.id("latest-quarter")).click();
        phone.waitForUrlContaining("/environment/water/" + last, java.time.Duration.ofSeconds(10));
        assertThat(phone.findElement(By.cssSelector("#section-table tbody tr th")).getText()).isEqualTo("TW浏览器测试河断面");
        assertThat(phone.findElement(By.cssSelector("#section-table tbody tr")).getText()).contains("劣Ⅴ类", "重度污染",
                "氨氮(1.60)");
        Long overflow = (Long) phone.driver().executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("the page itself does not scroll sideways").isLessThanOrEqualTo(0L);
        phone.assertNoAccessibilityProblems();
        phone.screenshot("water-quarter-phone");

        phone.get(base + "/environment/drinking-water");
        Long overflow2 = (Long) phone.driver().executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow2).isLessThanOrEqualTo(0L);
        phone.assertNoAccessibilityProblems();
    }
}
