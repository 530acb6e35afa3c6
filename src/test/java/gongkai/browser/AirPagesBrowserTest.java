package gongkai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
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

import gongkai.environment.AirQualityData;
import gongkai.shared.Actor;
import gongkai.shared.Role;
import gongkai.support.Browser;

/**
 * The air pages on a phone: from /environment/air to last month's ranking, the bar chart drawn from the table by the
 * bundled uPlot, no sideways scrolling of the page, accessible.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AirPagesBrowserTest {

    @RegisterExtension
    static final Browser phone = Browser.phone();

    @LocalServerPort
    int port;
    @Autowired
    AirQualityData air;

    @Test
    void lastMonthsRankingOnAPhone() throws Exception {
        YearMonth last = YearMonth.now().minusMonths(1);
        StringBuilder csv = new StringBuilder("date,regionCode,so2,no2,pm10,co,o3_8h,pm25\n");
        List<String> regions = List.of("360981", "360982", "360983");
        for (LocalDate d = last.atDay(1); !d.isAfter(last.atEndOfMonth()); d = d.plusDays(1)) {
            for (int r = 0; r < regions.size(); r++) {
                csv.append(d).append(',').append(regions.get(r)).append(",8,20,50,0.8,110,").append(28 + r * 4).append('\n');
            }
        }
        Actor clerk = new Actor("air-clerk", "ycshbj", EnumSet.of(Role.EDITOR), false);
        Actor.callAs(clerk, () -> air.importCsv(csv.toString().getBytes(StandardCharsets.UTF_8), clerk));

        String base = "http://localhost:" + port;
        phone.get(base + "/environment/air");
        phone.findElement(By.linkText(last.getYear() + "年" + last.getMonthValue() + "月排名")).click();
        phone.waitForUrlContaining("/environment/air/" + last, java.time.Duration.ofSeconds(10));
        assertThat(phone.findElements(By.cssSelector("#ranking-chart canvas"))).hasSize(1);
        assertThat(phone.findElement(By.cssSelector("#ranking-table tbody tr th")).getText()).isEqualTo("丰城市");
        Long overflow = (Long) phone.driver().executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("the page itself does not scroll sideways").isLessThanOrEqualTo(0L);
        phone.assertNoSeriousAccessibilityProblems();
        phone.screenshot("air-ranking-phone");
    }
}
