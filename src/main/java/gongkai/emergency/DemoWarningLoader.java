package gongkai.emergency;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import gongkai.shared.Actor;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.Role;

/**
 * With the demo profile, one past, fictitious flood warning sequence (示例数据): 暴雨橙色预警 for 袁州区 and 万载县, an
 * update that adds 上高县, and its 解除, each step published and confirmed through the same rules as a person's, as of
 * its own moment three weeks ago, so that nothing is in force by default.
 */
@Component
@Order(260)
class DemoWarningLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoWarningLoader.class);

    private final GongkaiProperties properties;
    private final Warnings warnings;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;

    DemoWarningLoader(GongkaiProperties properties, Warnings warnings, JdbcTemplate jdbc, Clock clock,
            TransactionTemplate tx) {
        this.tx = tx;
        this.properties = properties;
        this.warnings = warnings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo() || jdbc.queryForObject("SELECT COUNT(*) FROM warning", Integer.class) > 0) {
            return;
        }
        LocalDate day = LocalDate.now(clock).minusDays(21);
        ZonedDateTime start = day.atTime(6, 0).atZone(PlatformConfiguration.CHINA);
        Actor issuer = new Actor("示例应急值班领导", "ycsyjj", EnumSet.of(Role.APPROVER), false);
        Actor second = new Actor("示例应急审核员", "ycsyjj", EnumSet.of(Role.REVIEWER), false);
        String text = "（示例数据）受强降雨云团影响，预计未来12小时袁州区、万载县累计降雨量将达100毫米以上，局地伴有雷电和短时大风。";
        String guide = "（示例数据）停止户外集体活动；转移低洼地带和山洪地质灾害隐患点人员；注意防范城乡积涝和山洪。";
        long alert = step(start, issuer, w -> w.issue(new NewWarning("暴雨", "ORANGE", List.of("360902", "360922"),
                null, text, guide, local(start), local(start.plusHours(24)))));
        step(start, second, w -> w.confirm(alert).id());
        ZonedDateTime later = start.plusHours(5);
        long update = step(later, issuer, w -> w.update(alert, new NewWarning("暴雨", "ORANGE",
                List.of("360902", "360922", "360923"), null, text.replace("袁州区、万载县", "袁州区、万载县、上高县"), guide,
                local(start), local(start.plusHours(30)))));
        step(later, second, w -> w.confirm(update).id());
        ZonedDateTime end = start.plusHours(20);
        long cancel = step(end, issuer, w -> w.cancel(update, "（示例数据）降雨明显减弱，暴雨橙色预警解除。"));
        step(end, second, w -> w.confirm(cancel).id());
        warnings.markDemo(alert);
        log.info("Demo: a past flood warning sequence {} → {} → {} (示例数据)", alert, update, cancel);
    }

    private long step(ZonedDateTime at, Actor actor, java.util.function.ToLongFunction<Warnings> work) {
        Warnings then = warnings.at(Clock.fixed(at.toInstant(), PlatformConfiguration.CHINA));
        return Actor.callAs(actor, () -> tx.execute(status -> work.applyAsLong(then)));
    }

    private static String local(ZonedDateTime t) {
        return t.toLocalDateTime().toString();
    }
}
