package gongkai.emergency;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import gongkai.publishing.Decision;
import gongkai.publishing.DemoBackdating;
import gongkai.publishing.Publishing;
import gongkai.shared.Actor;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.Role;

/**
 * With the demo profile, the past flood (示例数据) of {@link DemoWarningLoader}'s warnings declared as an emergency,
 * with a timeline written through the same rules as a person's: urgent updates by the emergency bureau's duty leader
 * confirmed by a second person, and later ones through 三审 (the health commission's medical update among them); its
 * response ended, and one month of reconstruction reported. The relief campaign (DemoDonationLoader) answers it.
 */
@Component
@Order(265)
class DemoEmergencyLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoEmergencyLoader.class);
    private static final String BUREAU = "ycsyjj";
    private static final String HEALTH = "ycswjw";

    private final GongkaiProperties properties;
    private final Emergencies emergencies;
    private final Publishing publishing;
    private final DemoBackdating backdating;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;

    DemoEmergencyLoader(GongkaiProperties properties, Emergencies emergencies, Publishing publishing,
            DemoBackdating backdating, JdbcTemplate jdbc, Clock clock, TransactionTemplate tx) {
        this.backdating = backdating;
        this.properties = properties;
        this.emergencies = emergencies;
        this.publishing = publishing;
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo() || jdbc.queryForObject("SELECT COUNT(*) FROM emergency WHERE demo", Integer.class) > 0) {
            return;
        }
        List<Long> flood = jdbc.queryForList("SELECT id FROM warning WHERE demo AND msg_type = 'ALERT' ORDER BY id",
                Long.class);
        LocalDate day = LocalDate.now(clock).minusDays(21);
        ZonedDateTime start = day.atTime(6, 0).atZone(PlatformConfiguration.CHINA);
        Actor leader = new Actor("示例应急值班领导", BUREAU, EnumSet.of(Role.APPROVER), false);
        Actor second = new Actor("示例应急审核员", BUREAU, EnumSet.of(Role.REVIEWER), false);
        Actor clerk = new Actor("示例应急信息员", BUREAU, EnumSet.of(Role.EDITOR), false);
        Actor approver = new Actor("示例应急局审批人", BUREAU, EnumSet.of(Role.APPROVER), false);
        Emergencies then = emergencies.at(Clock.fixed(start.plusHours(3).toInstant(), PlatformConfiguration.CHINA));
        long id = as(leader, () -> then.declare(new NewEmergency("NATURAL_DISASTER", "示例：袁州区、万载县暴雨洪涝灾害",
                "（示例数据）受持续强降雨影响，袁州区、万载县、上高县部分乡镇发生洪涝灾害，市应急管理局启动防汛四级应急响应。",
                local(start), List.of("360902", "360922", "360923"), List.of("yzqzf", "wzxzf", "sgxzf", HEALTH),
                flood), leader, true));

        long response = urgent(id, leader, new NewEmergencyUpdate("RESPONSE", "市防指启动防汛四级应急响应",
                "（示例数据）市防汛抗旱指挥部启动防汛四级应急响应，派出3个工作组赶赴袁州区、万载县指导抢险救灾。\n"
                        + "消防救援、民兵应急分队共420人参与转移群众和抢险。",
                local(start.plusHours(4)), null, null, null, true));
        confirm(id, response, second);
        Map<String, String> first = new LinkedHashMap<>();
        first.put("受灾人口", "12000");
        first.put("紧急转移安置人口", "1800");
        first.put("农作物受灾面积", "950");
        first.put("直接经济损失", "3200");
        long damage = urgent(id, leader, new NewEmergencyUpdate("DAMAGE", "受灾情况（初报）",
                "（示例数据）据初步统计，洪涝灾害造成袁州区、万载县12000人受灾，紧急转移安置1800人。", local(start.plusHours(12)),
                null, first, null, true));
        confirm(id, damage, second);
        long needs = urgent(id, leader, new NewEmergencyUpdate("NEEDS", "救助需求（第1期）",
                "（示例数据）安置点急需以下物资，欢迎通过示例捐赠活动捐赠，物资由市应急管理局统一调配。", local(start.plusHours(28)), null,
                null, List.of(new NewEmergencyUpdate.Need("帐篷", "200", "顶", "万载县安置点"),
                        new NewEmergencyUpdate.Need("折叠床", "500", "张", null),
                        new NewEmergencyUpdate.Need("饮用水", "1000", "箱", null),
                        new NewEmergencyUpdate.Need("消毒药品", null, null, "袁州区各安置点")), true));
        confirm(id, needs, second);

        Actor doctor = new Actor("示例卫健信息员", HEALTH, EnumSet.of(Role.EDITOR), false);
        reviewed(id, doctor, new Actor("示例卫健审核员", HEALTH, EnumSet.of(Role.REVIEWER), false),
                new Actor("示例卫健审批人", HEALTH, EnumSet.of(Role.APPROVER), false),
                new NewEmergencyUpdate("MEDICAL", "灾区医疗救护和卫生防疫工作情况",
                        "（示例数据）派出医疗防疫队12支，对安置点开展巡诊和环境消杀，未发现传染病疫情。", local(start.plusDays(2)), null,
                        null, null, false));
        Map<String, String> verified = new LinkedHashMap<>();
        verified.put("受灾人口", "15600");
        verified.put("紧急转移安置人口", "2300");
        verified.put("因灾死亡人口", "0");
        verified.put("倒塌房屋", "46");
        verified.put("农作物受灾面积", "1320");
        verified.put("直接经济损失", "5860.5");
        reviewed(id, clerk, second, approver, new NewEmergencyUpdate("DAMAGE", "受灾情况（核报）",
                "（示例数据）经核查，本次洪涝灾害共造成15600人受灾，无人员死亡失踪。", local(start.plusDays(3)), null, verified, null,
                false));
        reviewed(id, clerk, second, approver, new NewEmergencyUpdate("NEEDS", "救助需求（第2期）",
                "（示例数据）帐篷、饮用水需求已满足，尚需以下物资。", local(start.plusDays(3).plusHours(2)), null, null,
                List.of(new NewEmergencyUpdate.Need("折叠床", "120", "张", "万载县安置点"),
                        new NewEmergencyUpdate.Need("棉被", "300", "床", null)), false));
        Emergencies ended = emergencies.at(Clock.fixed(start.plusDays(5).toInstant(), PlatformConfiguration.CHINA));
        as(leader, () -> ended.end(id, "（示例数据）灾区群众生活得到妥善安置，终止防汛四级应急响应，转入恢复重建。", leader));
        reviewed(id, clerk, second, approver, new NewEmergencyUpdate("RECOVERY", "袁州区、万载县洪涝灾后恢复重建进展（示例）", "（示例数据）倒塌房屋46间已全部开工重建，其中完工12间；损毁农田水利设施修复率60%。", local(start.plusDays(14)),
                day.toString().substring(0, 7), null, null, false));
        log.info("Demo: the past flood as emergency {} with its timeline (示例数据)", id);
    }

    /** Published at once (fast track) an hour after the time it reports. */
    private long urgent(long emergency, Actor leader, NewEmergencyUpdate in) {
        java.time.Instant at = java.time.LocalDateTime.parse(in.asOf()).atZone(PlatformConfiguration.CHINA)
                .toInstant().plusSeconds(3600);
        return as(leader, () -> backdating.at(at, () -> emergencies.post(emergency, in, leader, true)));
    }

    private void confirm(long emergency, long update, Actor second) {
        as(second, () -> emergencies.confirm(emergency, update));
    }

    /** An update through 三审: the clerk writes and submits it, a reviewer passes it, an approver publishes it. */
    private void reviewed(long emergency, Actor clerk, Actor reviewer, Actor approver, NewEmergencyUpdate in) {
        // The record is published two hours after the time the update reports, as its history says.
        java.time.Instant at = java.time.LocalDateTime.parse(in.asOf()).atZone(PlatformConfiguration.CHINA)
                .toInstant().plusSeconds(7200);
        long update = as(clerk, () -> backdating.at(at.minusSeconds(3600), () -> emergencies.post(emergency, in,
                clerk, true)));
        String ref = as(clerk, () -> emergencies.update(emergency, update).recordRef());
        as(reviewer, () -> backdating.at(at.minusSeconds(1800), () -> {
            publishing.review(ref, Decision.PASS, "");
            return null;
        }));
        as(approver, () -> backdating.at(at, () -> publishing.approve(ref, Decision.PASS, "", null, null)));
    }

    private <T> T as(Actor actor, Supplier<T> work) {
        return Actor.callAs(actor, () -> tx.execute(status -> work.get()));
    }

    private static String local(ZonedDateTime t) {
        return t.toLocalDateTime().toString();
    }
}
