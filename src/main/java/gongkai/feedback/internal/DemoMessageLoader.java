package gongkai.feedback.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import gongkai.feedback.Messages;
import gongkai.feedback.NewMessage;
import gongkai.shared.Actor;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.Role;

/**
 * With the demo profile, questions to several bodies (示例数据), answered and reviewed by the bodies' staff through the
 * same service as the inbox: published ones, one kept private at the asker's wish, one published with the asker's
 * mobile number masked, one answered after its due date, one promoted to a FAQ of the assistance catalogue item, and
 * one still waiting for its answer. Answers are released today, so the questions are recent.
 */
@Component
@Order(290)
class DemoMessageLoader implements ApplicationRunner {

    private final GongkaiProperties properties;
    private final Messages messages;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoMessageLoader(GongkaiProperties properties, Messages messages, JdbcTemplate jdbc, Clock clock) {
        this.properties = properties;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo() || jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE demo", Integer.class) > 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.CHINA));
        long dibao = answered("ycsmzj", "示例：城乡低保名单在哪里公示？",
                "示例数据：我想知道本村今年的城乡低保对象名单在哪里可以查到，是否会在村务公开栏张贴？", "示例居民甲", false,
                today.minusDays(4),
                "示例数据：城乡低保对象名单由乡镇（街道）在村（居）务公开栏和本平台“最低生活保障对象”事项下公示，"
                        + "公示内容为户主姓名（部分遮蔽）、保障人数和保障金额，不公开身份证号码等个人信息。",
                "PUBLISH");
        promote("ycsmzj", dibao, "sa-recipients");
        answered("ycsjyj", "示例：学生资助名单公示时间", "示例数据：请问家庭经济困难学生资助名单一般什么时候公示？公示多久？",
                "示例居民乙", false, today.minusDays(20),
                "示例数据：资助名单在评定结束后由学校公示，公示期不少于5个工作日，公示结束后在本平台公开汇总情况。",
                "PUBLISH");
        answered("ycsmzj", "示例：临时救助申请进度", "示例数据：我于上月申请了临时救助，联系电话13907951234，想了解办理进度。",
                "示例居民丙", false, today.minusDays(3),
                "示例数据：您的申请已由乡镇受理，正在审核，结果将电话告知您。", "PUBLISH_MASKED");
        answered("ycswjw", "示例：家庭医生签约", "示例数据：我家老人行动不便，能否请家庭医生上门服务？", "示例居民丁", true,
                today.minusDays(2), "示例数据：可以，请联系所在乡镇卫生院预约，具体安排见答复短信。", "KEEP_PRIVATE");
        messages.askDemo(new NewMessage("ycsjyj", "示例：义务教育划片范围", "示例数据：今年城区小学的划片范围何时公布？",
                "示例居民戊", null, "resident@example.com", false), today.minusDays(1));
    }

    private long answered(String org, String subject, String question, String name, boolean keepPrivate,
            LocalDate on, String answer, String decision) {
        String no = messages.askDemo(new NewMessage(org, subject, question, name, "13800000000", null, keepPrivate), on)
                .trackingNo();
        long id = jdbc.queryForObject("SELECT id FROM message WHERE tracking_no = ?", Long.class, no);
        Actor.callAs(new Actor("示例信息员", org, EnumSet.of(Role.EDITOR), false),
                () -> messages.answer(id, answer, Actor.require()));
        Actor.callAs(new Actor("示例审核员", org, EnumSet.of(Role.REVIEWER), false),
                () -> messages.review(id, decision, null, Actor.require()));
        return id;
    }

    private void promote(String org, long id, String item) {
        Actor.callAs(new Actor("示例审核员", org, EnumSet.of(Role.REVIEWER), false),
                () -> messages.promote(id, item, Actor.require()));
    }
}
