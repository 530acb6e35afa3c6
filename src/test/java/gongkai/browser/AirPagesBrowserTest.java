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
import gongkai.publishing.RecordInput;
import gongkai.support.Browser;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

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
    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

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
        phone.assertNoAccessibilityProblems();
        phone.screenshot("air-ranking-phone");
    }

    @Test
    void aRecordWithAWideTableDoesNotWidenThePageOnAPhone() throws Exception {
        StringBuilder body = new StringBuilder("<p>各县（市、区）综合指数：</p><table><thead><tr>");
        for (int c = 0; c < 12; c++) {
            body.append("<th>第").append(c + 1).append("项污染物浓度</th>");
        }
        body.append("</tr></thead><tbody><tr>");
        for (int c = 0; c < 12; c++) {
            body.append("<td>").append(100 + c).append(".00</td>");
        }
        body.append("</tr></tbody></table>");
        String indexNo = review.publish(Staff.of("ycshbj"), new RecordInput("en-ecology", "ycshbj", "360900",
                "测试：宽表格的正文", "宽表格", null, LocalDate.now(), body.toString(), List.of("测试"), "public", null, null,
                null, null, null, null, null));
        phone.get("http://localhost:" + port + "/records/" + java.net.URLEncoder.encode(indexNo, StandardCharsets.UTF_8));
        assertThat(phone.findElement(By.cssSelector(".record .body")).getDomAttribute("tabindex")).isEqualTo("0");
        Long overflow = (Long) phone.driver().executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("the page itself does not scroll sideways").isLessThanOrEqualTo(0L);
        // Since tables in a body read as cards on a phone (issue 19), the wide table no longer scrolls in its box.
        assertThat(phone.findElement(By.cssSelector(".record .body table td")).getCssValue("display"))
                .as("the wide table reads as cards on a phone").isEqualTo("block");
        phone.assertNoAccessibilityProblems();
    }
}
