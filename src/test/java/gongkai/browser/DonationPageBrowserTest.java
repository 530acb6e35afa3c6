package gongkai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import gongkai.emergency.Donations;
import gongkai.emergency.Emergencies;
import gongkai.emergency.NewEmergency;
import gongkai.emergency.NewEmergencyUpdate;
import gongkai.emergency.NewCampaign;
import gongkai.emergency.NewDonationEntry;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.Browser;

/**
 * A relief campaign's ledger on a phone: from /donations to the campaign, totals and the ledger readable without
 * sideways scrolling, a natural person's name masked, accessible; once closed, the notice with its statement too.
 * And the emergency it answers: its needs, figures and timeline readable on a phone, with the way to the campaign.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DonationPageBrowserTest {

    @RegisterExtension
    static final Browser phone = Browser.phone();

    @LocalServerPort
    int port;
    @Autowired
    Donations donations;
    @Autowired
    Emergencies emergencies;

    @Test
    void anEmergencyOnAPhone() throws Exception {
        var leader = Acting.actor("ycsyjj", Role.APPROVER);
        String occurred = java.time.LocalDateTime.now(gongkai.shared.PlatformConfiguration.CHINA).minusHours(6)
                .withNano(0).toString();
        long e = Acting.as(leader, () -> emergencies.declare(new NewEmergency("NATURAL_DISASTER",
                "EBT 测试暴雨洪涝灾害", "持续强降雨引发洪涝。", occurred, List.of("360902", "360922"), List.of("yzqzf"),
                List.of())));
        Acting.as(leader, () -> emergencies.post(e, new NewEmergencyUpdate("DAMAGE", "EBT 受灾情况（初报）", "初步统计。",
                null, null, java.util.Map.of("受灾人口", "123456", "直接经济损失", "98765.43", "农作物受灾面积", "1500"),
                null, true)));
        Acting.as(leader, () -> emergencies.post(e, new NewEmergencyUpdate("NEEDS", "EBT 救助需求", "急需物资。", null,
                null, null, List.of(new NewEmergencyUpdate.Need("折叠床", "500", "张", "万载县株潭镇安置点（原中学体育馆）"),
                        new NewEmergencyUpdate.Need("消毒药品", null, null, null)), true)));
        long c = donations.open(new NewCampaign("EBT 测试救灾捐赠", "ycsyjj", "360902", LocalDate.now(gongkai.shared.PlatformConfiguration.CHINA), e), leader);

        String base = "http://localhost:" + port;
        phone.get(base + "/emergencies");
        phone.findElement(By.linkText("EBT 测试暴雨洪涝灾害")).click();
        phone.waitForUrlContaining("/emergencies/" + e, java.time.Duration.ofSeconds(10));
        String text = phone.findElement(By.tagName("main")).getText();
        assertThat(text).contains("应急处置中", "折叠床", "123,456", "98,765.43", "紧急发布，待复核", "EBT 受灾情况（初报）");
        Long overflow = (Long) phone.driver().executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("the page itself does not scroll sideways").isLessThanOrEqualTo(0L);
        phone.assertNoAccessibilityProblems();
        phone.screenshot("emergency-phone");
        phone.findElement(By.linkText("EBT 测试救灾捐赠")).click();
        phone.waitForUrlContaining("/donations/" + c, java.time.Duration.ofSeconds(10));
        assertThat(phone.findElement(By.tagName("main")).getText()).contains("EBT 测试暴雨洪涝灾害");
    }

    @Test
    void aCampaignsLedgerOnAPhone() throws Exception {
        LocalDate day = LocalDate.of(2026, 6, 20);
        long c = donations.open(new NewCampaign("DBT 测试洪涝灾害救灾捐赠", "ycsyjj", "360902", day, null),
                Acting.actor("ycsyjj", Role.APPROVER));
        var editor = Acting.actor("ycsyjj", Role.EDITOR);
        donations.record(c, new NewDonationEntry("RECEIPT", "money", new BigDecimal("123456.78"), null, null, null,
                "某某爱心企业有限责任公司", null, null, null, day, null), editor);
        donations.record(c, new NewDonationEntry("RECEIPT", "goods", null, "矿泉水", new BigDecimal("500"), "箱", null,
                null, null, null, day, null), editor);
        long a = donations.record(c, new NewDonationEntry("ALLOCATION", "money", new BigDecimal("2000"), null, null,
                null, null, "因灾住房受损困难救助", "王小明", "PERSON", day, null), editor).id();
        donations.record(c, new NewDonationEntry("REVERSAL", null, null, null, null, null, null, null, null, null, day,
                a), editor);

        String base = "http://localhost:" + port;
        phone.get(base + "/donations");
        phone.findElement(By.linkText("DBT 测试洪涝灾害救灾捐赠")).click();
        phone.waitForUrlContaining("/donations/" + c, java.time.Duration.ofSeconds(10));
        String text = phone.findElement(By.tagName("main")).getText();
        assertThat(text).contains("123,456.78元", "500箱").doesNotContain("王小明");
        Long overflow = (Long) phone.driver().executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("the page itself does not scroll sideways").isLessThanOrEqualTo(0L);
        phone.assertNoAccessibilityProblems();
        phone.screenshot("donation-campaign-phone");

        Acting.as(Acting.actor("ycsyjj", Role.APPROVER), () -> donations.close(c,
                "DBT 受灾群众已妥善安置，本次救灾捐赠自即日起停止接收，现有款物将继续按程序拨付使用。",
                Acting.actor("ycsyjj", Role.APPROVER)));
        phone.get(base + "/donations/" + c);
        assertThat(phone.findElement(By.tagName("main")).getText()).contains("已停止接收", "现有款物将继续按程序拨付使用");
        Long closedOverflow = (Long) phone.driver().executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(closedOverflow).as("the closing notice does not widen the page").isLessThanOrEqualTo(0L);
        phone.assertNoAccessibilityProblems();
    }
}
