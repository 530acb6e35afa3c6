package gongkai.emergency.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import gongkai.emergency.Donations;
import gongkai.emergency.NewCampaign;
import gongkai.emergency.NewDonationEntry;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.PlatformConfiguration;

/**
 * With the demo profile, one relief campaign for a fictitious past flood (示例数据) of the emergency management bureau,
 * with receipts of money and goods, allocations to an organisation and to a natural person (masked in public) and a
 * reversal, entered through the same service as a clerk's form so that every rule and the transparency log apply.
 */
@Component
@Order(270)
class DemoDonationLoader implements ApplicationRunner {

    private final GongkaiProperties properties;
    private final Donations donations;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoDonationLoader(GongkaiProperties properties, Donations donations, JdbcTemplate jdbc, Clock clock) {
        this.properties = properties;
        this.donations = donations;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo() || jdbc.queryForObject("SELECT COUNT(*) FROM donation_campaign WHERE demo", Integer.class)
                > 0) {
            return;
        }
        // The campaign of the demo flood (DemoEmergencyLoader), opened the day after its warning.
        Long flood = jdbc.queryForList("SELECT id FROM emergency WHERE demo ORDER BY id", Long.class).stream()
                .findFirst().orElse(null);
        LocalDate start = LocalDate.now(clock.withZone(PlatformConfiguration.CHINA)).minusDays(20);
        long c = donations.openDemo(new NewCampaign("示例：袁州区、万载县暴雨洪涝灾害救灾捐赠", "ycsyjj", "360902", start,
                flood));
        money(c, "RECEIPT", "50000.00", "示例爱心企业甲", null, null, null, start.plusDays(1), null);
        money(c, "RECEIPT", "1288.88", null, null, null, null, start.plusDays(2), null);
        long wrong = money(c, "RECEIPT", "3000.00", "示例商会", null, null, null, start.plusDays(2), null);
        donations.recordDemo(c, new NewDonationEntry("RECEIPT", "goods", null, "矿泉水", new BigDecimal("500"), "箱",
                "示例超市", null, null, null, start.plusDays(3), null));
        donations.recordDemo(c, new NewDonationEntry("RECEIPT", "goods", null, "棉被", new BigDecimal("200"), "床",
                null, null, null, null, start.plusDays(3), null));
        money(c, "ALLOCATION", "30000.00", null, "受灾群众临时安置", "示例镇人民政府", "ORGANISATION", start.plusDays(5),
                null);
        money(c, "ALLOCATION", "2000.00", null, "因灾住房受损困难救助", "王小明", "PERSON", start.plusDays(6), null);
        donations.recordDemo(c, new NewDonationEntry("ALLOCATION", "goods", null, "矿泉水", new BigDecimal("300"), "箱",
                null, "安置点饮用水", "示例镇人民政府", "ORGANISATION", start.plusDays(4), null));
        // Entered twice by mistake: the second receipt is reversed, never deleted.
        donations.recordDemo(c, new NewDonationEntry("REVERSAL", null, null, null, null, null, null, null, null, null,
                start.plusDays(7), wrong));
    }

    private long money(long c, String kind, String amount, String source, String purpose, String recipient,
            String recipientKind, LocalDate date, Long reverses) {
        return donations.recordDemo(c, new NewDonationEntry(kind, "money", new BigDecimal(amount), null, null, null,
                source, purpose, recipient, recipientKind, date, reverses)).id();
    }
}
