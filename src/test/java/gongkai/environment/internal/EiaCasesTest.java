package gongkai.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import gongkai.environment.EiaCases;
import gongkai.environment.EiaNoticeInput;
import gongkai.environment.EiaStage;
import gongkai.environment.NewEiaCase;
import gongkai.environment.NewEiaComment;
import gongkai.publishing.Decision;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordStatus;
import gongkai.publishing.RecordView;
import gongkai.publishing.Records;
import gongkai.shared.Actor;
import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.Role;
import gongkai.shared.TooManyRequestsProblem;
import gongkai.support.Acting;
import gongkai.support.BackOfficeSignIn;
import gongkai.support.MovableClock;
import gongkai.support.Origins;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;

/**
 * An EIA case on the platform: its periods in working days over 国庆 2026 and its 调休 Saturday, each notice a record of
 * en-eia through 三审, comments only while a published notice's period runs and within the flood limit, the public
 * pages and API that count comments but never show who sent them, and the back office.
 */
@PlatformTest
@Import(MovableClock.Config.class)
class EiaCasesTest {

    private static final Actor CLERK = new Actor("eiat-clerk", "ycshbj", EnumSet.of(Role.EDITOR), false);

    @Autowired
    EiaCases cases;
    @Autowired
    Records records;
    @Autowired
    Publishing publishing;
    @Autowired
    MovableClock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    BackOfficeSignIn signIn;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void commentPeriodsCountWorkingDaysOverNationalDayAndItsMakeUpSaturday() {
        // 28-30 Sep, then 8, 9, 10 (a Saturday worked for 国庆), 12, 13, 14, 15 Oct: 1-7 Oct are the holiday.
        assertThat(cases.periodEnd(LocalDate.of(2026, 9, 28), 10)).isEqualTo(LocalDate.of(2026, 10, 15));
        // 30 Sep, 8, 9, 10 (Saturday, worked), 12 Oct: without the make-up day it would end on the 13th.
        assertThat(cases.periodEnd(LocalDate.of(2026, 9, 30), 5)).isEqualTo(LocalDate.of(2026, 10, 12));
        // 18 Sep (Fri), 20 Sep (a Sunday worked), 21, 22, 23 Sep.
        assertThat(cases.periodEnd(LocalDate.of(2026, 9, 18), 5)).isEqualTo(LocalDate.of(2026, 9, 23));
        // A notice that starts on a holiday begins counting on the next working day.
        assertThat(cases.periodEnd(LocalDate.of(2026, 10, 3), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(cases.periodEnd(LocalDate.of(2026, 10, 3), 0)).isEqualTo(LocalDate.of(2026, 10, 3));
        assertThat(cases.commentDays(EiaStage.ACCEPTANCE)).isEqualTo(10);
        assertThat(cases.commentDays(EiaStage.APPROVAL)).isEqualTo(5);
        assertThat(cases.commentDays(EiaStage.POST_APPROVAL)).isZero();
    }

    @Test
    void eachNoticeIsAnEnEiaRecordThroughReviewAndCommentsOpenOnlyOnceItIsPublished() throws Exception {
        clock.setDate(LocalDate.of(2026, 9, 28));
        long id = newCase("EIAT-一号项目", "360902");
        String ref = Acting.as(CLERK, () -> cases.post(id, EiaStage.ACCEPTANCE,
                new EiaNoticeInput("EIAT受理公示内容", LocalDate.of(2026, 9, 28), null, null)));

        Staff staff = Staff.of("ycshbj");
        RecordView draft = Acting.as(staff.reviewer(), () -> records.workingCopy(ref));
        assertThat(draft.status()).isEqualTo(RecordStatus.SUBMITTED);
        assertThat(draft.catalogItem()).isEqualTo("en-eia");
        assertThat(draft.title()).isEqualTo("EIAT-一号项目环境影响评价受理公示");
        assertThat(draft.rows()).singleElement().satisfies(row -> assertThat(row).containsEntry("阶段", "受理公示")
                .containsEntry("公示起止日期", "2026-09-28至2026-10-15").containsEntry("建设地点", "袁州区某路")
                .hasEntrySatisfying("审批部门", v -> assertThat(v).startsWith("宜春市").contains("环境")));

        // Submitted is not public: neither the page nor comments.
        assertThatThrownBy(() -> cases.publicView(id)).isInstanceOf(NotFoundProblem.class);
        assertThatThrownBy(() -> Origins.fresh(() -> cases.comment(id, new NewEiaComment(null, null, "太早"))))
                .isInstanceOf(InvalidInputProblem.class).hasMessageContaining("不在公众意见征求期内");

        Acting.as(staff.reviewer(), () -> publishing.review(ref, Decision.PASS, "核对"));
        Acting.as(staff.approver(), () -> publishing.approve(ref, Decision.PASS, "同意", null, null));
        String indexNo = cases.publicView(id).stages().get(0).indexNo();
        assertThat(indexNo).isNotBlank();

        assertThat(Origins.fresh(() -> cases.comment(id,
                new NewEiaComment("EIAT张示例", "13912345678", "EIAT请公开废水排放去向")))).isEqualTo(EiaStage.ACCEPTANCE);

        String page = mvc.perform(get("/environment/eia/{id}", id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("EIAT-一号项目")))
                .andExpect(content().string(containsString("收到公众意见：1条")))
                .andExpect(content().string(containsString("正在征求意见")))
                .andExpect(content().string(containsString("/records/" + indexNo)))
                .andExpect(content().string(containsString("2026-09-28至2026-10-15（10个工作日）")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("13912345678", "EIAT张示例", "EIAT请公开废水排放去向");
        String json = mvc.perform(get("/api/v1/environment/eia/{id}", id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.stages[0].commentCount").value(1))
                .andExpect(jsonPath("$.stages[0].indexNo").value(indexNo))
                .andExpect(jsonPath("$.openStage").value("受理公示"))
                .andReturn().getResponse().getContentAsString();
        assertThat(json).doesNotContain("13912345678", "EIAT张示例", "EIAT请公开废水排放去向");

        // The last day of the period still takes comments; the approval notice must wait for the next day.
        clock.setDate(LocalDate.of(2026, 10, 15));
        Origins.fresh(() -> cases.comment(id, new NewEiaComment(null, null, "EIAT最后一天")));
        assertThatThrownBy(() -> Acting.as(CLERK, () -> cases.post(id, EiaStage.APPROVAL,
                new EiaNoticeInput("拟审批", LocalDate.of(2026, 10, 15), null, null))))
                .isInstanceOf(ConflictProblem.class).hasMessage("受理公示的公示期至2026-10-15结束，期满后才能进行拟审批公示。");

        clock.setDate(LocalDate.of(2026, 10, 16));
        assertThatThrownBy(() -> Origins.fresh(() -> cases.comment(id, new NewEiaComment(null, null, "EIAT太晚"))))
                .isInstanceOf(InvalidInputProblem.class)
                .hasMessage("该项目当前不在公众意见征求期内，不能提交意见（受理公示征求意见期为2026-09-28至2026-10-15）。");
        mvc.perform(post("/environment/eia/{id}/comments", id).with(csrf()).with(from(Origins.fresh()))
                .param("text", "EIAT表单太晚")).andExpect(status().isOk())
                .andExpect(content().string(containsString("该项目当前不在公众意见征求期内")))
                .andExpect(content().string(not(containsString("id=\"comment-form\""))));
        String approval = Acting.as(CLERK, () -> cases.post(id, EiaStage.APPROVAL,
                new EiaNoticeInput("EIAT拟审批公示", LocalDate.of(2026, 10, 16), null, null)));
        assertThat(Acting.as(staff.reviewer(), () -> records.workingCopy(approval)).rows().get(0))
                .containsEntry("公示起止日期", "2026-10-16至2026-10-22");

        // Lists: the public stage is still the acceptance notice until the approval notice is published.
        mvc.perform(get("/environment/eia").param("stage", "ACCEPTANCE").param("region", "360902"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("EIAT-一号项目")));
        mvc.perform(get("/environment/eia").param("region", "360925"))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("EIAT-一号项目"))));
        mvc.perform(get("/environment/eia").param("stage", "NONSENSE")).andExpect(status().isBadRequest());
    }

    @Test
    void anAddressThatSendsTooManyCommentsIsToldToWait() {
        clock.setDate(LocalDate.of(2026, 11, 2));
        long id = openCase("EIAT-限流项目", LocalDate.of(2026, 11, 2));
        String address = Origins.fresh();
        for (int i = 0; i < 5; i++) {
            int n = i;
            Origins.from(address, () -> cases.comment(id, new NewEiaComment(null, null, "EIAT意见" + n)));
        }
        assertThatThrownBy(() -> Origins.from(address, () -> cases.comment(id, new NewEiaComment(null, null, "再一条"))))
                .isInstanceOf(TooManyRequestsProblem.class).hasMessageContaining("从您的网络地址提交的意见过多");
        assertThat(Origins.fresh(() -> cases.comment(id, new NewEiaComment(null, null, "另一个地址"))))
                .isEqualTo(EiaStage.ACCEPTANCE);
        assertThatThrownBy(() -> Origins.fresh(() -> cases.comment(id, new NewEiaComment(null, null, " "))))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(f -> assertThat(f.message()).isEqualTo("请填写意见内容")));
        assertThatThrownBy(() -> Origins.fresh(() -> cases.comment(id,
                new NewEiaComment(null, null, "长".repeat(2001))))).isInstanceOf(InvalidInputProblem.class)
                .hasMessageContaining("意见内容不能超过2000个字");
    }

    @Test
    void thePublicFormAsksTheHumanQuestionAndKeepsTheContactOffThePage() throws Exception {
        clock.setDate(LocalDate.of(2026, 11, 3));
        long id = openCase("EIAT-表单项目", LocalDate.of(2026, 11, 3));
        String address = Origins.fresh();
        String page = mvc.perform(get("/environment/eia/{id}", id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"comment-form\"")))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(post("/environment/eia/{id}/comments", id).with(csrf()).with(from(address))
                .param("text", "EIAT表单意见").param("contact", "eiat@example.com")
                .param("humanCheckToken", token(page)).param("humanCheckAnswer", "99"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("验证问题的答案不正确")));
        String again = mvc.perform(get("/environment/eia/{id}", id)).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("收到公众意见：0条");
        mvc.perform(post("/environment/eia/{id}/comments", id).with(csrf()).with(from(address))
                .param("text", "EIAT表单意见").param("name", "EIAT李示例").param("contact", "eiat@example.com")
                .param("humanCheckToken", token(again)).param("humanCheckAnswer", answer(again)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/environment/eia/" + id));
        mvc.perform(get("/environment/eia/{id}", id)).andExpect(content().string(containsString("收到公众意见：1条")))
                .andExpect(content().string(not(containsString("eiat@example.com"))))
                .andExpect(content().string(not(containsString("EIAT李示例"))))
                .andExpect(content().string(not(containsString("EIAT表单意见"))));

        // Staff of the environment office read it, with the contact; the API takes a comment without the form.
        RequestPostProcessor editor = signIn.asNew("ycshbj", Role.EDITOR);
        mvc.perform(get("/admin/eia/{id}", id).with(editor)).andExpect(status().isOk())
                .andExpect(content().string(containsString("eiat@example.com")))
                .andExpect(content().string(containsString("公众意见（1条）")))
                .andExpect(content().string(containsString("受理公示的公示期至")));
        mvc.perform(post("/api/v1/environment/eia/{id}/comments", id).with(from(Origins.fresh()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"EIAT接口意见\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.stage").value("ACCEPTANCE"));
        mvc.perform(get("/api/v1/environment/eia")).andExpect(status().isOk())
                .andExpect(content().string(containsString("EIAT-表单项目")))
                .andExpect(content().string(not(containsString("eiat@example.com"))));
    }

    @Test
    void theBackOfficeCreatesACaseAndNamesEveryBadField() throws Exception {
        RequestPostProcessor editor = signIn.asNew("ycshbj", Role.EDITOR);
        mvc.perform(get("/admin/eia").with(editor)).andExpect(status().isOk())
                .andExpect(content().string(containsString("登记环评项目")));
        mvc.perform(get("/admin/eia/new").with(editor)).andExpect(status().isOk());
        mvc.perform(post("/admin/eia/new").with(editor).with(csrf()).param("projectName", "EIAT-后台项目")
                .param("regionCode", "360900").param("approverOrg", "ycsjyj").param("documentType", "REPORT")
                .param("receivedOn", "2026-13-01"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("受理日期应写作")));
        mvc.perform(post("/admin/eia/new").with(editor).with(csrf()).param("projectName", "EIAT-后台项目")
                .param("regionCode", "360900").param("approverOrg", "ycsjyj").param("documentType", "REPORT")
                .param("receivedOn", "2026-01-05"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请填写建设单位")))
                .andExpect(content().string(containsString("建设地点所在区划应为本市的县（市、区）")))
                .andExpect(content().string(containsString("审批部门应为")));
        mvc.perform(post("/admin/eia/new").with(editor).with(csrf()).param("projectName", "EIAT-后台项目")
                .param("developer", "EIAT建设单位").param("regionCode", "360925").param("location", "某园区")
                .param("eiaAgency", "EIAT环评机构").param("approverOrg", "jaxzf").param("documentType", "FORM")
                .param("receivedOn", "2026-01-05"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/eia").with(signIn.asNew("ycsjyj", Role.EDITOR))).andExpect(status().isForbidden());
        mvc.perform(get("/catalog/en-eia")).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/environment/eia\"")));
    }

    @Test
    void theBackOfficePostsTheNextNoticeAndRecordsTheResponse() throws Exception {
        clock.setDate(LocalDate.of(2026, 11, 4));
        long id = newCase("EIAT-后台公示项目", "360902");
        RequestPostProcessor editor = signIn.asNew("ycshbj", Role.EDITOR);
        mvc.perform(get("/admin/eia/{id}", id).with(editor)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"post-form\"")))
                .andExpect(content().string(containsString("公示期为10个工作日")));
        mvc.perform(post("/admin/eia/{id}/stages/APPROVAL", id).with(editor).with(csrf())
                .param("text", "拟审批").param("startsOn", "2026-11-04"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("problem", org.hamcrest.Matchers.hasToString(
                                containsString("应先进行受理公示，再进行拟审批公示。"))));
        mvc.perform(post("/admin/eia/{id}/stages/ACCEPTANCE", id).with(editor).with(csrf())
                .param("text", "EIAT后台受理公示").param("startsOn", "2026-11-04"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/eia/" + id));
        mvc.perform(get("/admin/eia/{id}", id).with(editor)).andExpect(status().isOk())
                .andExpect(content().string(containsString("审核中")))
                .andExpect(content().string(containsString("受理公示尚未经审核发布，不能进行拟审批公示。")));
        mvc.perform(post("/admin/eia/{id}/response", id).with(editor).with(csrf()).param("response", "EIAT已采纳"))
                .andExpect(status().is3xxRedirection());
        assertThat(Acting.as(CLERK, () -> cases.staffView(id)).response()).isEqualTo("EIAT已采纳");
        // A reader of another office may not post.
        mvc.perform(post("/admin/eia/{id}/response", id).with(signIn.asNew("ycsjyj", Role.EDITOR)).with(csrf())
                .param("response", "越权")).andExpect(status().isForbidden());
    }

    /** A case whose acceptance notice starts on {@code start} (today) and is published. */
    private long openCase(String name, LocalDate start) {
        long id = newCase(name, "360902");
        String ref = Acting.as(CLERK, () -> cases.post(id, EiaStage.ACCEPTANCE,
                new EiaNoticeInput("EIAT受理公示", start, null, null)));
        Staff staff = Staff.of("ycshbj");
        Acting.as(staff.reviewer(), () -> publishing.review(ref, Decision.PASS, ""));
        Acting.as(staff.approver(), () -> publishing.approve(ref, Decision.PASS, "", null, null));
        return id;
    }

    private long newCase(String name, String region) {
        return Acting.as(CLERK, () -> cases.create(new NewEiaCase(name, "EIAT建设单位", region, "某路", "EIAT环评机构",
                "ycshbj", "REPORT", LocalDate.of(2026, 9, 20))));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String token(String page) {
        return value(page, "name=\"humanCheckToken\" value=\"([^\"]+)\"");
    }

    private static String answer(String page) {
        String sum = value(page, "请计算：([一二三四五六七八九]加[一二三四五六七八九])等于几");
        String digits = "零一二三四五六七八九";
        return String.valueOf(digits.indexOf(sum.charAt(0)) + digits.indexOf(sum.charAt(2)));
    }

    private static String value(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }
}
