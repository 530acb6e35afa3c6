package gongkai.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.publishing.RecordInput;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.Role;
import gongkai.shared.TooManyRequestsProblem;
import gongkai.support.Acting;
import gongkai.support.BackOfficeSignIn;
import gongkai.support.MovableClock;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

/**
 * 意见征集: who may open one, comments only between its dates, moderation (private comments never shown but
 * counted), the feedback report answering every comment once, and the final policy linked from both pages.
 */
@PlatformTest
@Import(MovableClock.Config.class)
class ConsultationsTest {

    static final String ORG = "ycsmzj";
    static final String OTHER = "ycsjyj";

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

    @Autowired
    Consultations consultations;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    BackOfficeSignIn signIn;

    final Actor approver = Acting.actor(ORG, Role.APPROVER);
    final Actor editor = Acting.actor(ORG, Role.EDITOR);
    final LocalDate today = LocalDate.now(PlatformConfiguration.CHINA);

    @BeforeEach
    void forgetFloods() {
        // Every test comments from the same address; each starts below the flood limit.
        jdbc.update("DELETE FROM flood_attempt WHERE action_key = 'consultation.comment'");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    long open(String title, LocalDate opensOn, LocalDate closesOn) {
        return consultations.open(new NewConsultation("CT-" + title, "第一条 为了规范……\n第二条 本办法适用于……", opensOn,
                closesOn, ORG), approver);
    }

    long comment(long id, String text, String name, boolean isPublic) {
        return consultations.comment(id, new NewConsultationComment(text, name, isPublic));
    }

    /** A consultation that ran from 30 to 10 days ago, with comments made while it was open. */
    long closedWithComments(String title, String... texts) {
        long id = open(title, today.minusDays(30), today.minusDays(10));
        clock.setDate(today.minusDays(20));
        for (String t : texts) {
            comment(id, t, "张三丰", !t.startsWith("私"));
        }
        clock.reset();
        return id;
    }

    @Test
    void onlyTheBodysApproverOpensOneAndBadDatesChangeNothing() {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM consultation", Long.class);
        assertThatThrownBy(() -> consultations.open(new NewConsultation("CT-编辑", "草案", today, today.plusDays(5), ORG),
                editor)).isInstanceOf(AccessDeniedProblem.class);
        assertThatThrownBy(() -> consultations.open(new NewConsultation("CT-他人", "草案", today, today.plusDays(5), ORG),
                Acting.actor(OTHER, Role.APPROVER))).isInstanceOf(AccessDeniedProblem.class);
        assertThatThrownBy(() -> open("倒置", today.plusDays(5), today))
                .isInstanceOf(InvalidInputProblem.class)
                .satisfies(e -> assertThat(((InvalidInputProblem) e).errors()).anySatisfy(f -> {
                    assertThat(f.field()).isEqualTo("closesOn");
                    assertThat(f.message()).contains("不能早于开始日期");
                }));
        assertThatThrownBy(() -> consultations.open(new NewConsultation(" ", "", null, null, "nosuch"), approver))
                .isInstanceOf(InvalidInputProblem.class)
                .satisfies(e -> assertThat(((InvalidInputProblem) e).errors()).extracting(f -> f.field())
                        .contains("title", "draft", "org", "opensOn", "closesOn"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM consultation", Long.class)).isEqualTo(before);
    }

    @Test
    void aCommentIsTakenOnlyBetweenTheDatesAndARefusalStoresNothing() {
        long id = open("日期", today.minusDays(2), today.plusDays(2));
        comment(id, "建议延长公示期。", null, true);
        assertThat(consultations.consultation(id).commentCount()).isEqualTo(1);

        clock.setDate(today.plusDays(3));
        assertThatThrownBy(() -> comment(id, "截止后的意见", null, true)).isInstanceOf(InvalidInputProblem.class)
                .hasMessageContaining("已于" + today.plusDays(2) + "截止");
        clock.setDate(today.minusDays(3));
        assertThatThrownBy(() -> comment(id, "开始前的意见", null, true)).isInstanceOf(InvalidInputProblem.class)
                .hasMessageContaining("尚未开始");
        clock.setDate(today.plusDays(2));
        comment(id, "最后一天的意见", null, false);
        clock.reset();
        assertThat(consultations.consultation(id).commentCount()).isEqualTo(2);
        assertThatThrownBy(() -> comment(id, "  ", null, true)).isInstanceOf(InvalidInputProblem.class)
                .hasMessageContaining("意见内容");
        assertThat(consultations.consultation(id).commentCount()).isEqualTo(2);
    }

    @Test
    void tooManyCommentsFromOneAddressAreRefused() {
        long id = open("频繁", today, today.plusDays(5));
        for (int i = 0; i < 5; i++) {
            comment(id, "意见" + i, null, true);
        }
        assertThatThrownBy(() -> comment(id, "第六条", null, true)).isInstanceOf(TooManyRequestsProblem.class)
                .hasMessageContaining("过多");
        assertThat(consultations.consultation(id).commentCount()).isEqualTo(5);
    }

    @Test
    void publicCommentsShowOnlyAfterModerationAndPrivateOnesNeverShowButCount() throws Exception {
        long id = open("审核", today.minusDays(1), today.plusDays(5));
        long pending = comment(id, "公开的意见：建议增加听证环节。", "李四", true);
        long spam = comment(id, "广告广告", null, true);
        long kept = comment(id, "私下的意见：我家情况特殊。", "王五", false);

        assertThat(consultations.consultation(id).shown()).isEmpty();
        assertThatThrownBy(() -> consultations.moderate(pending, true, Acting.actor(OTHER, Role.EDITOR)))
                .isInstanceOf(AccessDeniedProblem.class);
        assertThatThrownBy(() -> consultations.moderate(kept, true, editor)).isInstanceOf(ConflictProblem.class)
                .hasMessageContaining("不公开");
        consultations.moderate(pending, true, editor);
        consultations.moderate(spam, false, editor);

        Consultation c = consultations.consultation(id);
        assertThat(c.commentCount()).isEqualTo(3);
        assertThat(c.shown()).extracting(ConsultationComment::text).containsExactly("公开的意见：建议增加听证环节。");
        assertThat(c.shown().get(0).publicName()).isEqualTo("李*");

        String page = mvc.perform(get("/consultations/" + id)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("建议增加听证环节", "李*", "3条", "comment-form")
                .doesNotContain("李四", "广告广告", "我家情况特殊", "王五");
        mvc.perform(get("/api/v1/consultations/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.commentCount").value(3))
                .andExpect(jsonPath("$.comments.length()").value(1))
                .andExpect(jsonPath("$.comments[0].name").value("李*"));
        assertThatThrownBy(() -> consultations.comments(id, null)).isInstanceOf(AccessDeniedProblem.class);
        assertThat(Acting.as(editor, () -> consultations.comments(id, editor))).hasSize(3);
    }

    @Test
    void anyoneCommentsThroughTheApiWithoutSigningIn() throws Exception {
        long id = open("接口", today, today.plusDays(3));
        mvc.perform(post("/api/v1/consultations/" + id + "/comments").contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"接口提交的意见\",\"name\":\"赵六\",\"public\":false}"))
                .andExpect(status().isCreated());
        assertThat(consultations.comments(id, editor)).singleElement()
                .satisfies(m -> assertThat(m.moderation()).isEqualTo(CommentModeration.PRIVATE));
        mvc.perform(post("/api/v1/consultations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"匿名发起\",\"draft\":\"草案\",\"opensOn\":\"" + today + "\",\"closesOn\":\""
                        + today + "\",\"org\":\"" + ORG + "\"}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theFeedbackReportAnswersEveryCommentOnceAfterClosing() throws Exception {
        long open = open("未截止", today.minusDays(1), today.plusDays(1));
        assertThatThrownBy(() -> consultations.publishReport(open, new FeedbackReport("说明", List.of()), approver))
                .isInstanceOf(ConflictProblem.class).hasMessageContaining("截止后");

        long id = closedWithComments("采纳", "建议一：提高补助标准。", "建议二：简化申请材料。", "私人意见：请联系我。");
        List<ConsultationComment> all = consultations.comments(id, editor);
        long first = all.get(0).id();
        long second = all.get(1).id();
        long third = all.get(2).id();
        assertThatThrownBy(() -> consultations.publishReport(id, new FeedbackReport("说明", List.of()), approver))
                .isInstanceOf(ConflictProblem.class).hasMessageContaining("2条意见待审核");
        consultations.moderate(first, true, editor);
        consultations.moderate(second, true, editor);

        FeedbackReport partial = new FeedbackReport("共收到3条意见。", List.of(
                new FeedbackReport.Group(List.of(first), "ADOPTED", "已提高补助标准。")));
        assertThatThrownBy(() -> consultations.publishReport(id, partial, approver))
                .isInstanceOf(InvalidInputProblem.class).hasMessageContaining("还没有处理结果");
        FeedbackReport twice = new FeedbackReport("共收到3条意见。", List.of(
                new FeedbackReport.Group(List.of(first, second, third), "ADOPTED", "理由"),
                new FeedbackReport.Group(List.of(first), "MAYBE", "理由")));
        assertThatThrownBy(() -> consultations.publishReport(id, twice, approver))
                .isInstanceOf(InvalidInputProblem.class)
                .satisfies(e -> assertThat(((InvalidInputProblem) e).errors()).extracting(f -> f.message())
                        .anyMatch(m -> m.contains("不止一次")).anyMatch(m -> m.contains("ADOPTED")));
        assertThatThrownBy(() -> consultations.publishReport(id, new FeedbackReport("说明", List.of(
                new FeedbackReport.Group(List.of(first, second, third), "ADOPTED", "理由"))), editor))
                .isInstanceOf(AccessDeniedProblem.class);
        assertThat(consultations.consultation(id).report()).isNull();

        Consultation done = consultations.publishReport(id, new FeedbackReport("共收到3条意见，采纳1条，部分采纳2条。", List.of(
                new FeedbackReport.Group(List.of(first), "ADOPTED", "补助标准已按建议提高。"),
                new FeedbackReport.Group(List.of(second, third), "PARTLY", "申请材料精简为三项。"))), approver);
        assertThat(done.report().groups()).hasSize(2);
        assertThat(done.report().groups().get(1).comments()).extracting(ConsultationComment::text)
                .containsExactly("建议二：简化申请材料。");
        assertThat(done.report().groups().get(1).hiddenCount()).isEqualTo(1);
        assertThatThrownBy(() -> consultations.publishReport(id, new FeedbackReport("再发", List.of()), approver))
                .isInstanceOf(ConflictProblem.class);
        assertThatThrownBy(() -> consultations.moderate(first, false, editor)).isInstanceOf(ConflictProblem.class);

        String page = mvc.perform(get("/consultations/" + id)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("意见采纳情况", "补助标准已按建议提高。", "部分采纳", "另有1条不公开的意见", "张*丰")
                .doesNotContain("请联系我", "张三丰", "comment-form");
    }

    @Test
    void theFinalPolicyLinksToItsConsultationAndBack() throws Exception {
        long id = closedWithComments("正式文件");
        Staff staff = Staff.of(ORG);
        String indexNo = review.publish(staff, new RecordInput("gd-rules", ORG, "360900", "CT-正式文件：民政信息公开制度",
                "", null, today.minusDays(1), "<p>正式文件正文。</p>", List.of(), null, null, null, null, null, null,
                null));
        String foreign = review.publish(Staff.of(OTHER), new RecordInput("gd-rules", OTHER, "360900",
                "CT-他人的文件", "", null, today.minusDays(1), "<p>正文。</p>", List.of(), null, null, null, null, null,
                null, null));

        assertThatThrownBy(() -> consultations.attachFinalRecord(id, "nosuch/2026-99999", approver))
                .isInstanceOf(InvalidInputProblem.class).hasMessageContaining("没有索引号");
        assertThatThrownBy(() -> consultations.attachFinalRecord(id, foreign, approver))
                .isInstanceOf(InvalidInputProblem.class).hasMessageContaining("不是本机构发布的");
        assertThatThrownBy(() -> consultations.attachFinalRecord(id, indexNo, editor))
                .isInstanceOf(AccessDeniedProblem.class);
        assertThat(consultations.consultation(id).finalIndexNo()).isNull();

        consultations.attachFinalRecord(id, indexNo, approver);
        String page = mvc.perform(get("/consultations/" + id)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("final-record", "CT-正式文件：民政信息公开制度", indexNo);

        String record = mvc.perform(get(URI.create("/records/" + indexNo.replace("/", "%2F")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(record).contains("consultation-link", "CT-正式文件", "/consultations/" + id);
        String other = mvc.perform(get(URI.create("/records/" + foreign.replace("/", "%2F")))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(other).doesNotContain("consultation-link");
    }

    @Test
    void theListPutsOpenConsultationsFirst() throws Exception {
        long closed = open("列表-已结束", today.minusDays(9), today.minusDays(8));
        long upcoming = open("列表-未开始", today.plusDays(8), today.plusDays(9));
        long open = open("列表-征集中", today.minusDays(1), today.plusDays(1));
        List<Long> order = consultations.all().stream().map(Consultation::id).filter(x -> x == closed || x == upcoming
                || x == open).toList();
        assertThat(order).containsExactly(open, upcoming, closed);
        String page = mvc.perform(get("/consultations")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page.indexOf("CT-列表-征集中")).isLessThan(page.indexOf("CT-列表-已结束"));
        assertThat(Map.of("s", consultations.consultation(closed).status())).containsEntry("s", ConsultationStatus.CLOSED);
    }

    @Test
    void staffModerateAndReportInTheBackOffice() throws Exception {
        long id = closedWithComments("后台", "后台意见：建议公开办理流程。", "私下：后台不公开的意见。");
        var clerk = signIn.asNew(ORG, Role.EDITOR);
        var boss = signIn.asNew(ORG, Role.APPROVER);
        List<ConsultationComment> all = consultations.comments(id, editor);
        long first = all.get(0).id();
        long second = all.get(1).id();
        String page = mvc.perform(get("/admin/consultations/" + id).with(clerk)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("后台不公开的意见", "张三丰", "待审核");
        mvc.perform(post("/admin/consultations/" + id + "/comments/" + first).with(clerk).with(csrf())
                .param("show", "true")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/consultations/" + id + "/report").with(boss).with(csrf()).param("summary", "共2条。")
                .param("decision-" + first, "ADOPTED").param("reason-" + first, "已公开办理流程。")
                .param("decision-" + second, "NOT_ADOPTED").param("reason-" + second, "不属于本办法范围。"))
                .andExpect(status().is3xxRedirection());
        Consultation c = consultations.consultation(id);
        assertThat(c.report().groups()).extracting(g -> g.decision())
                .containsExactly(ConsultationDecision.ADOPTED, ConsultationDecision.NOT_ADOPTED);
        String other = mvc.perform(get("/admin/consultations/" + id).with(signIn.asNew(OTHER, Role.EDITOR)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(other).doesNotContain("后台不公开的意见", "张三丰");
    }

    @Test
    void theFormRefusesAWrongHumanAnswerAndStoresNothing() throws Exception {
        long id = open("表单", today, today.plusDays(3));
        String page = mvc.perform(post("/consultations/" + id + "/comments").with(csrf()).param("text", "表单意见")
                .param("isPublic", "true").param("humanCheckToken", "forged").param("humanCheckAnswer", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("comment-form", "表单意见");
        assertThat(consultations.consultation(id).commentCount()).isZero();
    }
}
