package gongkai.feedback.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import gongkai.feedback.ComplaintChannel;
import gongkai.feedback.ComplaintReceipt;
import gongkai.feedback.Complaints;
import gongkai.feedback.NewComplaint;
import gongkai.shared.Actor;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.Role;

/**
 * With the demo profile, a few fictitious complaints (示例数据) through the same service as the form and the desk: one
 * open online report to the civil affairs bureau, an anonymous one to the city office, a letter transferred to the
 * right body, and a substantiated one about a 低保 list not posted that became a supervision finding.
 */
@Component
@Order(280)
class DemoComplaintLoader implements ApplicationRunner {

    private static final String CIVIL_AFFAIRS = "ycsmzj";

    private final GongkaiProperties properties;
    private final Complaints complaints;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoComplaintLoader(GongkaiProperties properties, Complaints complaints, JdbcTemplate jdbc, Clock clock) {
        this.properties = properties;
        this.complaints = complaints;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo() || jdbc.queryForObject("SELECT COUNT(*) FROM complaint WHERE demo", Integer.class) > 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.CHINA));
        complaints.enterDemo(new NewComplaint(CIVIL_AFFAIRS, "LATE", "示例：城乡低保季度名单更新不及时",
                "示例数据：民政局网站的城乡低保名单仍停留在上一季度。", "示例居民甲", "13800000001", false),
                ComplaintChannel.ONLINE, today.minusDays(3));
        complaints.enterDemo(new NewComplaint(null, "OTHER", "示例：不清楚该向哪个部门反映",
                "示例数据：想了解本村道路硬化项目的资金使用情况，不知道由哪个部门公开。", null, null, true),
                ComplaintChannel.ONLINE, today.minusDays(5));
        ComplaintReceipt letter = complaints.enterDemo(new NewComplaint(null, "WRONG_CONTENT",
                "示例：学校招生简章日期有误", "示例数据：来信反映某校招生简章中的报名日期与教育局通知不一致。", "示例居民乙",
                "0795-3200000", false), ComplaintChannel.LETTER, today.minusDays(10));
        Actor city = new Actor("demo-city-editor", properties.cityOffice(), EnumSet.of(Role.EDITOR), false);
        Actor.callAs(city, () -> complaints.transfer(letter.trackingNo(), "ycsjyj", "招生简章由市教育局发布，转其核查。", city));
        ComplaintReceipt dibao = complaints.enterDemo(new NewComplaint(CIVIL_AFFAIRS, "NOT_DISCLOSED",
                "示例：某村低保名单未张榜公示", "示例数据：示例村本年度低保对象名单未在村务公开栏和网站公示。", "示例居民丙",
                "13800000003", false), ComplaintChannel.ONLINE, today.minusDays(12));
        Actor approver = new Actor("demo-mzj-approver", CIVIL_AFFAIRS, EnumSet.of(Role.APPROVER), false);
        Actor.callAs(approver, () -> complaints.reply(dibao.trackingNo(), "示例数据：经核查，示例村未按规定公示低保名单，"
                + "已责成所在乡镇于5个工作日内张榜公示并在网站发布。", true, approver));
    }
}
