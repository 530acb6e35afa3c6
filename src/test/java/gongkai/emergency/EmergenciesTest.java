package gongkai.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.publishing.Decision;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordStatus;
import gongkai.publishing.RecordStep;
import gongkai.publishing.Records;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.PlatformTest;

/**
 * Emergencies: declared by a response body's APPROVER with kind, area and bodies; updates go through 三审, or at once
 * under the same fast path as warnings and are confirmed by a second person; the public timeline shows only what is
 * published; needs, figures, the end of the response, and campaigns linked to the emergency.
 */
@PlatformTest
class EmergenciesTest {

    private static final Actor LEADER = Acting.actor("ycsyjj", Role.APPROVER);
    private static final Actor SECOND = Acting.actor("ycsyjj", Role.REVIEWER);
    private static final Actor CLERK = Acting.actor("ycsyjj", Role.EDITOR);
    private static final Actor BUREAU_APPROVER = Acting.actor("ycsyjj", Role.APPROVER);

    @Autowired
    Emergencies emergencies;
    @Autowired
    Publishing publishing;
    @Autowired
    Records records;
    @Autowired
    Donations donations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;

    private static String hoursAgo(int hours) {
        return LocalDateTime.now(PlatformConfiguration.CHINA).minusHours(hours).withSecond(0).withNano(0).toString();
    }

    private long declare(String title) {
        return Acting.as(LEADER, () -> emergencies.declare(new NewEmergency("NATURAL_DISASTER", title,
                "持续强降雨引发洪涝。", hoursAgo(30), List.of("360902", "360922"), List.of("yzqzf", "ycswjw"), List.of())));
    }

    private static NewEmergencyUpdate update(String kind, String title, String text) {
        return new NewEmergencyUpdate(kind, title, text, hoursAgo(2), null, null, null, false);
    }

    private static NewEmergencyUpdate urgent(String kind, String title, String text) {
        return new NewEmergencyUpdate(kind, title, text, hoursAgo(1), null, null, null, true);
    }

    private static String messages(InvalidInputProblem p) {
        return String.join(" ", p.errors().stream().map(InvalidInputProblem.FieldError::message).toList());
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    @Test
    void declaringNeedsAResponseBodyApproverAndValidInputAndOpensTheLeadBodysObligation() {
        assertThatThrownBy(() -> Acting.as(Acting.actor("ycswjw", Role.APPROVER), () -> emergencies.declare(
                new NewEmergency("PUBLIC_HEALTH", "ET-卫健委登记", "概况", hoursAgo(1), List.of("360902"), null, null))))
                .isInstanceOf(AccessDeniedProblem.class).hasMessageContaining("应急响应机构");
        int before = count("emergency");
        assertThatThrownBy(() -> Acting.as(LEADER, () -> emergencies.declare(new NewEmergency("EARTHQUAKE", " ",
                "概况", LocalDateTime.now(PlatformConfiguration.CHINA).plusDays(1).toString(), List.of("999999"),
                List.of("nosuchorg"), List.of(987654321L))))).isInstanceOfSatisfying(InvalidInputProblem.class, p ->
                        assertThat(p.errors()).extracting(InvalidInputProblem.FieldError::field)
                                .contains("kind", "title", "occurredAt", "areas", "bodies", "warnings"));
        assertThatThrownBy(() -> Acting.as(Acting.actor("fxxzf", Role.APPROVER), () -> emergencies.declare(
                new NewEmergency("ACCIDENT", "ET-越界", "概况", hoursAgo(1), List.of("360902"), null, null))))
                .isInstanceOfSatisfying(InvalidInputProblem.class, p -> assertThat(messages(p))
                        .contains("不在奉新县人民政府的辖区内"));
        assertThat(count("emergency")).isEqualTo(before);

        long id = declare("ET-登记洪涝");
        Emergency e = emergencies.get(id);
        assertThat(e.bodyCodes()).containsExactly("ycsyjj", "yzqzf", "ycswjw");
        assertThat(e.areas()).extracting(Warning.Area::name).containsExactly("袁州区", "万载县");
        assertThat(jdbc.queryForObject("SELECT catalog_item FROM disclosure_event WHERE source_ref = ?", String.class,
                "emergency:" + id)).isEqualTo("dr-response");
    }

    @Test
    void anUpdateThroughReviewIsPublicOnlyOnceApproved() throws Exception {
        long id = declare("ET-三审动态");
        long u = Acting.as(CLERK, () -> emergencies.post(id, update("RESPONSE", "ET-启动四级响应", "派出工作组。\n转移群众。")));
        EmergencyUpdate posted = Acting.as(CLERK, () -> emergencies.update(id, u));
        assertThat(posted.recordStatus()).isEqualTo(RecordStatus.SUBMITTED);
        assertThat(emergencies.timeline(id, false)).isEmpty();
        mvc.perform(get("/emergencies/" + id)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("ET-启动四级响应"))));

        Acting.as(SECOND, () -> publishing.review(posted.recordRef(), Decision.PASS, ""));
        Acting.as(BUREAU_APPROVER, () -> publishing.approve(posted.recordRef(), Decision.PASS, "", null, null));
        List<EmergencyUpdate> timeline = emergencies.timeline(id, false);
        assertThat(timeline).singleElement().satisfies(t -> {
            assertThat(t.title()).isEqualTo("ET-启动四级响应");
            assertThat(t.indexNo()).isNotNull();
        });
        mvc.perform(get("/emergencies/" + id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("ET-启动四级响应")));
        mvc.perform(get("/api/v1/emergencies/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.timeline[0].title").value("ET-启动四级响应"))
                .andExpect(jsonPath("$.timeline[0].kindName").value("应急处置与救援"));
        String body = Acting.as(CLERK, () -> records.view(timeline.get(0).indexNo(), null).body());
        assertThat(body).contains("<p>派出工作组。</p>", "<p>转移群众。</p>", "/emergencies/" + id);
    }

    @Test
    void anUrgentUpdateFollowsTheWarningsFastPathAndASecondPersonConfirmsIt() {
        long id = declare("ET-紧急动态");
        assertThatThrownBy(() -> Acting.as(CLERK, () -> emergencies.post(id, urgent("RESPONSE", "ET-越权", "文本"))))
                .isInstanceOf(AccessDeniedProblem.class).hasMessageContaining("审批人员");
        assertThatThrownBy(() -> Acting.as(Acting.actor("ycswjw", Role.APPROVER, Role.EDITOR),
                () -> emergencies.post(id, urgent("MEDICAL", "ET-卫健紧急", "文本"))))
                .isInstanceOf(AccessDeniedProblem.class).hasMessageContaining("应急响应机构");

        long u = Acting.as(LEADER, () -> emergencies.post(id, urgent("RESPONSE", "ET-紧急转移", "紧急转移群众800人。")));
        EmergencyUpdate posted = emergencies.update(id, u);
        assertThat(posted.open()).isTrue();
        assertThat(posted.awaitingConfirmation()).isTrue();
        assertThat(emergencies.timeline(id, false)).extracting(EmergencyUpdate::title).containsExactly("ET-紧急转移");

        assertThatThrownBy(() -> Acting.as(LEADER, () -> emergencies.confirm(id, u)))
                .isInstanceOf(AccessDeniedProblem.class).hasMessageContaining("另一人");
        assertThatThrownBy(() -> Acting.as(Acting.actor("yzqzf", Role.APPROVER), () -> emergencies.confirm(id, u)))
                .isInstanceOf(AccessDeniedProblem.class);
        Acting.as(SECOND, () -> emergencies.confirm(id, u));
        assertThat(emergencies.update(id, u).confirmedBy()).isEqualTo(SECOND.username());
        assertThatThrownBy(() -> Acting.as(BUREAU_APPROVER, () -> emergencies.confirm(id, u)))
                .isInstanceOf(ConflictProblem.class);
        List<RecordStep.Kind> steps = Acting.as(LEADER, () -> records.view(posted.indexNo(), null)).steps().stream()
                .map(RecordStep::kind).toList();
        assertThat(steps).contains(RecordStep.Kind.FAST_TRACK, RecordStep.Kind.PUBLISH,
                RecordStep.Kind.FAST_TRACK_CONFIRM);
    }

    @Test
    void anUrgentUpdateStillPassesThePrivacyGuardAndAFailureLeavesNothing() {
        long id = declare("ET-隐私");
        int updates = count("emergency_update");
        int recordsBefore = count("disclosure_record");
        assertThatThrownBy(() -> Acting.as(LEADER, () -> emergencies.post(id, urgent("DAMAGE", "ET-死亡人员",
                "遇难者身份证号 360902198001010016。")))).isInstanceOf(InvalidInputProblem.class);
        assertThat(count("emergency_update")).isEqualTo(updates);
        assertThat(count("disclosure_record")).isEqualTo(recordsBefore);
    }

    @Test
    void figuresAndNeedsAreCheckedAndShownAsTheyStoodLast() throws Exception {
        long id = declare("ET-需求");
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("受灾人口", "-5");
        bad.put("伤心程度", "3");
        assertThatThrownBy(() -> Acting.as(LEADER, () -> emergencies.post(id, new NewEmergencyUpdate("DAMAGE",
                "ET-受灾", "统计", hoursAgo(1), null, bad, null, true))))
                .isInstanceOfSatisfying(InvalidInputProblem.class, p -> assertThat(messages(p))
                        .contains("不小于0的数字", "伤心程度"));
        assertThatThrownBy(() -> Acting.as(LEADER, () -> emergencies.post(id, new NewEmergencyUpdate("NEEDS",
                "ET-需求", "需要", hoursAgo(1), null, Map.of("受灾人口", "10"),
                List.of(new NewEmergencyUpdate.Need("帐篷", "20", null, null)), true))))
                .isInstanceOfSatisfying(InvalidInputProblem.class, p -> assertThat(messages(p))
                        .contains("请同时填写单位", "只在“受灾情况”动态中填写"));
        assertThatThrownBy(() -> Acting.as(LEADER, () -> emergencies.post(id, new NewEmergencyUpdate("RECOVERY",
                "ET-重建", "进展", null, null, null, null, true))))
                .isInstanceOfSatisfying(InvalidInputProblem.class, p -> assertThat(messages(p)).contains("所属月份"));

        Acting.as(LEADER, () -> emergencies.post(id, new NewEmergencyUpdate("DAMAGE", "ET-初报", "初报", hoursAgo(20),
                null, Map.of("受灾人口", "12000", "直接经济损失", "3200.5"), null, true)));
        Acting.as(LEADER, () -> emergencies.post(id, new NewEmergencyUpdate("DAMAGE", "ET-核报", "核报", hoursAgo(3),
                null, Map.of("受灾人口", "15600"), null, true)));
        Acting.as(LEADER, () -> emergencies.post(id, new NewEmergencyUpdate("NEEDS", "ET-需求一", "第一期", hoursAgo(10),
                null, null, List.of(new NewEmergencyUpdate.Need("帐篷", "200", "顶", "万载县")), true)));
        Acting.as(LEADER, () -> emergencies.post(id, new NewEmergencyUpdate("NEEDS", "ET-需求二", "第二期", hoursAgo(4),
                null, null, List.of(new NewEmergencyUpdate.Need("棉被", "300", "床", null)), true)));

        assertThat(emergencies.figureSeries(id)).extracting(u -> u.figures().get("受灾人口"))
                .containsExactly(new BigDecimal("12000"), new BigDecimal("15600"));
        assertThat(emergencies.currentNeeds(id)).get().satisfies(n -> assertThat(n.needs())
                .extracting(NewEmergencyUpdate.Need::item).containsExactly("棉被"));
        mvc.perform(get("/emergencies/" + id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("15,600")))
                .andExpect(content().string(containsString("3,200.5")))
                .andExpect(content().string(containsString("棉被")))
                .andExpect(content().string(containsString("紧急发布，待复核")));
    }

    @Test
    void afterTheEndOnlyDamageAndRecoveryFollowAndEndingTwiceIsRefused() throws Exception {
        long id = declare("ET-结束");
        mvc.perform(get("/")).andExpect(status().isOk()).andExpect(content().string(containsString("ET-结束")));
        assertThatThrownBy(() -> Acting.as(Acting.actor("yzqzf", Role.APPROVER), () -> emergencies.end(id, "结束")))
                .isInstanceOf(AccessDeniedProblem.class);
        assertThatThrownBy(() -> Acting.as(LEADER, () -> emergencies.end(id, " ")))
                .isInstanceOf(InvalidInputProblem.class);
        Acting.as(LEADER, () -> emergencies.end(id, "终止四级应急响应。"));
        assertThat(emergencies.get(id).ended()).isTrue();
        mvc.perform(get("/")).andExpect(status().isOk()).andExpect(content().string(not(containsString("ET-结束"))));
        assertThatThrownBy(() -> Acting.as(LEADER, () -> emergencies.end(id, "再次")))
                .isInstanceOf(ConflictProblem.class);
        assertThatThrownBy(() -> Acting.as(LEADER, () -> emergencies.post(id, urgent("RESPONSE", "ET-晚到", "文本"))))
                .isInstanceOfSatisfying(InvalidInputProblem.class, p -> assertThat(messages(p)).contains("已结束"));
        String month = YearMonth.now(PlatformConfiguration.CHINA).toString();
        long u = Acting.as(LEADER, () -> emergencies.post(id, new NewEmergencyUpdate("RECOVERY", "ET-重建进展", "开工",
                null, month, null, null, true)));
        assertThat(emergencies.update(id, u).period()).isEqualTo(month);
    }

    @Test
    void aCampaignAnswersADeclaredEmergency() {
        long id = declare("ET-捐赠");
        Actor opener = Acting.actor("ycsyjj", Role.APPROVER);
        LocalDate today = LocalDate.now(PlatformConfiguration.CHINA);
        assertThatThrownBy(() -> donations.open(new NewCampaign("ET-无此事件", "ycsyjj", "360902", today, 987654321L),
                opener)).isInstanceOfSatisfying(InvalidInputProblem.class, p -> assertThat(messages(p))
                        .contains("没有编号为987654321的突发事件"));
        long c = Acting.as(opener, () -> donations.open(new NewCampaign("ET-救灾捐赠", "ycsyjj", "360902", today, id),
                opener));
        assertThat(donations.campaignsFor(id)).extracting(DonationCampaign::id).containsExactly(c);
        assertThat(donations.campaign(c).emergencyTitle()).isEqualTo("ET-捐赠");
    }
}
