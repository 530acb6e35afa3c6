package gongkai.feedback;

import java.time.Clock;
import java.time.LocalDate;
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
import gongkai.publishing.Drafting;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordInput;
import gongkai.publishing.Records;
import gongkai.shared.Actor;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.Role;

/**
 * With the demo profile (示例数据): an open consultation of the civil affairs bureau with comments (one shown, one
 * moderated out, one kept private), a closed one with its feedback report and its final policy published through
 * 三审, and two 回应关切 records, all through the same services as staff and residents use.
 */
@Component
@Order(284)
class DemoConsultationLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoConsultationLoader.class);
    private static final String CIVIL = "ycsmzj";
    private static final String HEALTH = "ycswjw";

    private final GongkaiProperties properties;
    private final Consultations consultations;
    private final Drafting drafting;
    private final Publishing publishing;
    private final Records records;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;

    DemoConsultationLoader(GongkaiProperties properties, Consultations consultations, Drafting drafting,
            Publishing publishing, Records records, JdbcTemplate jdbc, Clock clock, TransactionTemplate tx) {
        this.properties = properties;
        this.consultations = consultations;
        this.drafting = drafting;
        this.publishing = publishing;
        this.records = records;
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo() || jdbc.queryForObject("SELECT COUNT(*) FROM consultation WHERE demo", Integer.class)
                > 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.CHINA));
        Actor approver = staff(CIVIL, Role.APPROVER);
        Actor clerk = staff(CIVIL, Role.EDITOR);

        long open = as(approver, () -> consultations.openDemo(new NewConsultation(
                "示例：《宜春市最低生活保障审核确认办法（征求意见稿）》公开征求意见",
                "（示例数据）第一条 为规范最低生活保障审核确认工作，根据有关规定，结合本市实际，制定本办法。\n"
                        + "第二条 申请最低生活保障以家庭为单位，由申请家庭确定一名共同生活的家庭成员作为申请人。\n"
                        + "第三条 乡镇人民政府（街道办事处）应当在受理申请后30日内完成审核确认。",
                today.minusDays(5), today.plusDays(20), CIVIL), approver));
        long shown = consultations.commentDemo(open, new NewConsultationComment(
                "（示例数据）建议在第三条中明确审核确认结果的公示期限和公示地点。", "李建国", true));
        long spam = consultations.commentDemo(open, new NewConsultationComment("（示例数据）与本次征集无关的广告内容。", null,
                true));
        consultations.commentDemo(open, new NewConsultationComment("（示例数据）我家的申请至今没有回复，请与我联系。", "王秀英",
                false));
        as(clerk, () -> consultations.moderate(shown, true, clerk));
        as(clerk, () -> consultations.moderate(spam, false, clerk));

        Consultations past = consultations.at(Clock.fixed(today.minusDays(40).atTime(10, 0)
                .atZone(PlatformConfiguration.CHINA).toInstant(), PlatformConfiguration.CHINA));
        long closed = as(approver, () -> consultations.openDemo(new NewConsultation(
                "示例：《宜春市临时救助实施细则（征求意见稿）》公开征求意见",
                "（示例数据）第一条 为及时解决群众遭遇的突发性、紧迫性、临时性基本生活困难，制定本细则。\n"
                        + "第二条 临时救助标准按照本市城乡低保标准的一定倍数确定。",
                today.minusDays(50), today.minusDays(30), CIVIL), approver));
        long a = tx.execute(s -> past.commentDemo(closed, new NewConsultationComment(
                "（示例数据）建议提高急难型临时救助的审批权限下放比例，缩短办理时间。", "陈志明", true)));
        long b = tx.execute(s -> past.commentDemo(closed, new NewConsultationComment(
                "（示例数据）建议将外来务工人员纳入临时救助范围。", null, true)));
        long c = tx.execute(s -> past.commentDemo(closed, new NewConsultationComment(
                "（示例数据）救助标准偏低，希望适当提高。", "刘芳", false)));
        as(clerk, () -> consultations.moderate(a, true, clerk));
        as(clerk, () -> consultations.moderate(b, true, clerk));
        as(approver, () -> consultations.publishReport(closed, new FeedbackReport(
                "（示例数据）征集期间共收到意见3条，采纳1条，部分采纳1条，未采纳1条。", List.of(
                        new FeedbackReport.Group(List.of(a), "ADOPTED", "（示例数据）已在第五条明确急难型救助先行救助、事后补办手续。"),
                        new FeedbackReport.Group(List.of(b), "PARTLY", "（示例数据）对在本市居住满6个月的外来务工人员给予临时救助。"),
                        new FeedbackReport.Group(List.of(c), "NOT_ADOPTED",
                                "（示例数据）救助标准已与城乡低保标准联动调整，暂不单独提高。"))), approver));
        String policy = published(CIVIL, new RecordInput("sa-policy", CIVIL, "360900", "示例：宜春市临时救助实施细则",
                "（示例数据）经公开征求意见后印发的临时救助实施细则。", "宜民发〔示例〕1号", today.minusDays(3),
                "<p>（示例数据）第一条 为及时解决群众遭遇的突发性、紧迫性、临时性基本生活困难，制定本细则。</p>", List.of("临时救助"),
                null, null, null, null, null, null, null));
        as(approver, () -> consultations.attachFinalRecord(closed, policy, approver));

        published(CIVIL, response("示例：关于临时救助办理时限的回应", "网络舆情", "网民反映临时救助审批时间长、急需时等不起。",
                "（示例数据）新印发的临时救助实施细则明确，急难型救助可先行救助、事后补办手续，一般情况下10个工作日内办结。", policy,
                CIVIL));
        published(HEALTH, response("示例：关于乡镇卫生院夜间急诊的回应", "12345热线", "市民来电反映部分乡镇卫生院夜间无医生值班。",
                "（示例数据）经核查，全市乡镇卫生院均已安排夜间值班，值班电话在卫生院门口公示；对未落实的1家卫生院已责令整改。", null,
                HEALTH));
        log.info("Demo: consultations {} (open) and {} (closed, with report and final policy {}) and two 回应关切 (示例数据)",
                open, closed, policy);
    }

    private RecordInput response(String title, String source, String concern, String answer, String links,
            String org) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("关切事项", "（示例数据）" + concern);
        row.put("关切来源", source);
        row.put("回应内容", answer);
        if (links != null) {
            row.put("相关信息索引号", links);
        }
        return new RecordInput(ConcernResponses.ITEM, org, "360900", title, "（示例数据）" + concern, null,
                LocalDate.now(clock.withZone(PlatformConfiguration.CHINA)), "<p>" + answer + "</p>", List.of("回应关切"),
                null, null, null,
                null, List.of(row), null, null);
    }

    /** A record through 三审 as the body's demo staff; returns its index number. */
    private String published(String org, RecordInput input) {
        String ref = as(staff(org, Role.EDITOR), () -> {
            String r = drafting.create(input, true);
            publishing.submit(r);
            return r;
        });
        as(staff(org, Role.REVIEWER), () -> {
            publishing.review(ref, Decision.PASS, "示例数据：审核通过");
            return null;
        });
        as(staff(org, Role.APPROVER), () -> publishing.approve(ref, Decision.PASS, "示例数据：同意发布", null,
                "示例数据：解读另行发布"));
        return records.reviewState(ref).orElseThrow().indexNo();
    }

    private static Actor staff(String org, Role role) {
        return new Actor("示例" + role.name().toLowerCase() + "-" + org, org, EnumSet.of(role), false);
    }

    private <T> T as(Actor actor, Supplier<T> work) {
        return Actor.callAs(actor, () -> tx.execute(status -> work.get()));
    }
}
