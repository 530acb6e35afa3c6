package gongkai.environment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import gongkai.publishing.Decision;
import gongkai.publishing.DemoBackdating;
import gongkai.publishing.Publishing;
import gongkai.shared.Actor;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.Role;

/**
 * With the demo profile, three fictitious EIA cases (示例数据) at different stages, with a few comments: one whose
 * 受理公示 opens today, one in its 拟审批公示, one closed by its 批后公告. Today's notice goes through the case as a clerk's
 * would; the earlier notices are history, written with their past dates through the same record drafting, and every
 * record is published by the office's demo reviewer and approver (who have no accounts).
 */
@Component
@Order(245)
class DemoEiaCases implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoEiaCases.class);

    private final GongkaiProperties properties;
    private final EiaCases cases;
    private final Publishing publishing;
    private final DemoBackdating backdating;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String office;

    DemoEiaCases(GongkaiProperties properties, EiaCases cases, Publishing publishing, DemoBackdating backdating,
            JdbcTemplate jdbc, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${gongkai.environment.office:ycshbj}") String office) {
        this.properties = properties;
        this.cases = cases;
        this.publishing = publishing;
        this.backdating = backdating;
        this.jdbc = jdbc;
        this.clock = clock;
        this.office = office;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo() || jdbc.queryForObject("SELECT COUNT(*) FROM eia_case", Integer.class) > 0) {
            return;
        }
        Actor clerk = new Actor("示例信息员", office, EnumSet.of(Role.EDITOR), false);
        Actor.callAs(clerk, () -> {
            load();
            return null;
        });
        log.info("Demo: 3 fictitious EIA cases (示例数据)");
    }

    private void load() {
        LocalDate today = LocalDate.now(clock);

        long open = cases.create(new NewEiaCase("（示例）宜春某新材料有限公司年产2万吨电池正极材料项目", "（示例）宜春某新材料有限公司",
                "360902", "宜春经济技术开发区某路以东", "（示例）某环境科技有限公司", office, "REPORT", today.minusDays(3)));
        String ref = cases.post(open, EiaStage.ACCEPTANCE, new EiaNoticeInput(
                "示例数据：本项目环境影响报告书已受理，现予公示。公示期间，公众可通过本页面对项目建设及环境影响评价提出意见和建议。",
                today, null, null));
        publish(ref, today);
        comment(open, EiaStage.ACCEPTANCE, today, "（示例）项目投产后的废水去向是否经过园区污水处理厂？", null, null);

        long approving = cases.create(new NewEiaCase("（示例）丰城市某生活垃圾焚烧发电扩建项目", "（示例）丰城某环保能源有限公司", "360981",
                "某镇某村", "（示例）某环保工程咨询有限公司", office, "REPORT", today.minusDays(40)));
        LocalDate a = today.minusDays(30);
        past(approving, EiaStage.ACCEPTANCE, a, null, null, "示例数据：本项目环境影响报告书已受理，现予公示。");
        comment(approving, EiaStage.ACCEPTANCE, a.plusDays(2), "（示例）请说明烟气在线监测数据是否向社会公开。", "示例居民",
                "13900000000（示例）");
        comment(approving, EiaStage.ACCEPTANCE, a.plusDays(3), "（示例）建议运输车辆避开上下学时段。", null, null);
        past(approving, EiaStage.APPROVAL, today.minusDays(1), null, null,
                "示例数据：我局拟对本项目环境影响报告书作出审批决定，现将拟审批情况予以公示。");

        long done = cases.create(new NewEiaCase("（示例）靖安县某农副产品加工项目", "（示例）靖安某食品有限公司", "360925", "某工业园区",
                "（示例）某环境咨询有限公司", "jaxzf", "FORM", today.minusDays(90)));
        LocalDate b = today.minusDays(80);
        past(done, EiaStage.ACCEPTANCE, b, null, null, "示例数据：本项目环境影响报告表已受理，现予公示。");
        comment(done, EiaStage.ACCEPTANCE, b.plusDays(1), "（示例）希望加强厂区异味治理。", null, "示例@example.com");
        past(done, EiaStage.APPROVAL, b.plusDays(30), null, null, "示例数据：拟对本项目环境影响报告表作出批准决定，现予公示。");
        jdbc.update("UPDATE eia_case SET response_summary = ? WHERE id = ?",
                "示例数据：对公众提出的异味治理意见，已要求建设单位增设废气收集处理设施并纳入审批意见。", done);
        past(done, EiaStage.POST_APPROVAL, b.plusDays(50), EiaDecision.APPROVED, "靖环评字〔2026〕1号（示例）",
                "示例数据：经审查，同意该项目按环境影响报告表所列性质、规模、地点和环境保护措施进行建设。");
    }

    /** A notice of the case's history: posted with its past dates through the record drafting, then published. */
    private void past(long caseId, EiaStage stage, LocalDate start, EiaDecision decision, String approvalNo,
            String text) {
        EiaCase c = cases.require(caseId);
        int days = cases.commentDays(stage);
        EiaCase.Notice n = new EiaCase.Notice(stage, text, start, days, cases.periodEnd(start, days), decision,
                approvalNo, null, null, false);
        java.time.Instant at = start.atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        publish(backdating.at(at, () -> cases.record(c, n, start, "示例信息员")), start);
    }

    /** Reviewed and published on the notice's first day, as its dates say. */
    private void publish(String ref, LocalDate on) {
        java.time.Instant at = on.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        Actor.callAs(new Actor("示例审核员", office, EnumSet.of(Role.REVIEWER), false), () -> backdating.at(at, () -> {
            publishing.review(ref, Decision.PASS, "示例数据：审核通过");
            return null;
        }));
        Actor.callAs(new Actor("示例审批人", office, EnumSet.of(Role.APPROVER), false), () -> backdating.at(at, () -> {
            publishing.approve(ref, Decision.PASS, "示例数据：同意发布", null, null);
            return null;
        }));
    }

    private void comment(long caseId, EiaStage stage, LocalDate on, String text, String name, String contact) {
        jdbc.update("INSERT INTO eia_comment (case_id, stage, author_name, contact, body, received_at, submitted_from, "
                + "demo) VALUES (?, ?, ?, ?, ?, ?, NULL, TRUE)", caseId, stage.name(), name, contact, text,
                Timestamp.from(on.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    }
}
