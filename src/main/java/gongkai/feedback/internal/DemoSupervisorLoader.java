package gongkai.feedback.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import gongkai.assessment.Supervision;
import gongkai.feedback.NewSupervisor;
import gongkai.feedback.SupervisorAppointed;
import gongkai.feedback.SupervisorReport;
import gongkai.feedback.Supervisors;
import gongkai.shared.Actor;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.Role;

/**
 * With the demo profile, two fictitious social supervisors (示例数据) — one serving, one whose term the office ended
 * early — and a finding of the serving one that the civil affairs bureau has answered, each step through the same
 * services as the office, the supervisor and the bureau's approver use.
 */
@Component
@Order(282)
class DemoSupervisorLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSupervisorLoader.class);
    private static final String BODY = "ycsmzj";
    private static final String REGION = "360902";

    private final GongkaiProperties properties;
    private final Supervisors supervisors;
    private final Supervision supervision;
    private final Clock clock;

    DemoSupervisorLoader(GongkaiProperties properties, Supervisors supervisors, Supervision supervision, Clock clock) {
        this.properties = properties;
        this.supervisors = supervisors;
        this.supervision = supervision;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo() || supervisors.demoLoaded()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Actor cityAdmin = new Actor("示例数据", properties.cityOffice(), EnumSet.of(Role.ADMIN), true);
        SupervisorAppointed serving = Actor.callAs(cityAdmin, () -> supervisors.appointDemo(new NewSupervisor(
                "王芳（示例）", "13800000001", REGION, today.minusMonths(6), today.plusMonths(18)), cityAdmin));
        SupervisorAppointed ended = Actor.callAs(cityAdmin, () -> supervisors.appointDemo(new NewSupervisor(
                "陈志强（示例）", "13800000002", "360981", today.minusMonths(6), today.plusMonths(18)), cityAdmin));
        Actor.callAs(cityAdmin, () -> supervisors.endTerm(ended.id(), "示例数据：本人因工作调动申请辞去社会监督员。",
                cityAdmin));

        Actor supervisor = new Actor(serving.username(), null, EnumSet.of(Role.SUPERVISOR), false);
        long finding = Actor.callAs(supervisor, () -> supervisors.file(new SupervisorReport(BODY,
                "示例数据：某村的城乡低保对象名单本季度未在平台和村务公开栏公布，村民无从查看。", REGION, null, null,
                "TIMELINESS"), supervisor));
        Actor approver = new Actor("示例数据", BODY, EnumSet.of(Role.APPROVER), false);
        Actor.callAs(approver, () -> supervision.rectify(finding, "示例数据：已公布该村本季度低保对象名单（姓名已按规定遮蔽），"
                + "并对全区各村逐一核查，补公布2个村的名单。", approver));
        log.info("Demo: two social supervisors (one term ended early) and an answered finding (示例数据); "
                + "the serving one signs in as {} with the password {} (shown this once)", serving.username(),
                serving.initialPassword());
    }
}
