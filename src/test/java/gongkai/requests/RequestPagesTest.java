package gongkai.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.account.Accounts;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.MovableClock;
import gongkai.support.Origins;
import gongkai.support.PlatformTest;

/** The pages around requests: the back office's inbox, entry and step forms, and the public statistics. */
@PlatformTest
@Import(MovableClock.Config.class)
class RequestPagesTest {

    private static final String ORG = "ycstyj";

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    UserDetailsService principals;
    @Autowired
    RequestIntake intake;
    @Autowired
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private UserDetails staff(Role... roles) {
        return principals.loadUserByUsername(Acting.newUser(accounts, ORG, roles));
    }

    @Test
    void anEditorEntersALetterAndWorksFromTheInbox() throws Exception {
        clock.setDate(LocalDate.parse("2026-09-23"));
        UserDetails editor = staff(Role.EDITOR);
        mvc.perform(get("/admin/requests/new").with(user(editor))).andExpect(status().isOk())
                .andExpect(content().string(containsString("条例第三十一条")));
        mvc.perform(post("/admin/requests").with(user(editor)).with(csrf())
                        .param("org", ORG).param("channel", "FAX").param("arrivedOn", "2026-09-22")
                        .param("applicantType", "NATURAL_PERSON").param("name", "周示例").param("idType", "RESIDENT_ID")
                        .param("idNumber", Applicants.idNumber()).param("phone", "13907950004")
                        .param("description", "2026年全民健身中心开放时间").param("preferredForm", "POST"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("确认日期")))
                .andExpect(content().string(containsString("通信地址")));
        String page = mvc.perform(post("/admin/requests").with(user(editor)).with(csrf())
                        .param("org", ORG).param("channel", "FAX").param("arrivedOn", "2026-09-22")
                        .param("confirmedOn", "2026-09-23").param("applicantType", "NATURAL_PERSON")
                        .param("name", "周示例").param("idType", "RESIDENT_ID").param("idNumber", Applicants.idNumber())
                        .param("phone", "13907950004").param("address", "宜春市袁州区示例街2号")
                        .param("description", "2026年全民健身中心开放时间").param("preferredForm", "POST"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("申请已登记")))
                .andExpect(content().string(containsString("2026-10-28")))
                .andReturn().getResponse().getContentAsString();
        String no = page.replaceAll("(?s).*<dd>(SQ2026-\\d{6})</dd>.*", "$1");

        mvc.perform(get("/admin/requests").with(user(editor))).andExpect(status().isOk())
                .andExpect(content().string(containsString(no)))
                .andExpect(content().string(containsString("周示例")));
        mvc.perform(get("/admin/requests/{n}", no).with(user(editor))).andExpect(status().isOk())
                .andExpect(content().string(containsString("补正告知")))
                .andExpect(content().string(not(containsString("答复并生成告知书"))));
        mvc.perform(post("/admin/requests/{n}/correction", no).with(user(editor)).with(csrf())
                        .param("items", "请写明所需的场馆名称\n请写明时间范围").param("deadline", "2026-10-09"))
                .andExpect(redirectedUrl("/admin/requests/" + no))
                .andExpect(flash().attribute("notice", "已告知补正，暂停计时。"));
        mvc.perform(post("/admin/requests/{n}/extension", no).with(user(editor)).with(csrf()).param("reason", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/requests/{n}", no).with(user(editor))).andExpect(status().isOk())
                .andExpect(content().string(containsString("待补正")))
                .andExpect(content().string(containsString("登记书面补正")))
                .andExpect(content().string(containsString("重新发放查询码")));
        var issued = mvc.perform(post("/admin/requests/{n}/code", no).with(user(editor)).with(csrf())
                        .param("verifiedBy", "申请人来电，核对了身份证号码和申请内容"))
                .andExpect(redirectedUrl("/admin/requests/" + no)).andReturn();
        String code = (String) issued.getFlashMap().get("newCode");
        assertThat(code).hasSize(10);
        // The redirected page, in the same (database-kept) session, shows the new code once.
        mvc.perform(get("/admin/requests/{n}", no).with(user(editor))
                        .cookie(issued.getResponse().getCookie("SESSION")))
                .andExpect(content().string(containsString(code)));
    }

    @Test
    void anUnknownCodeOnThePublicFormIsNamedInChineseLikeAMissingOne() throws Exception {
        mvc.perform(post("/requests/new").with(csrf()).param("org", ORG).param("applicantType", "MARTIAN")
                        .param("name", "李示例").param("idType", "RESIDENT_ID").param("idNumber", Applicants.idNumber())
                        .param("phone", "13907950001").param("description", "2026年全民健身中心开放时间")
                        .param("preferredForm", "CARRIER_PIGEON"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请选择申请人类型")))
                .andExpect(content().string(containsString("请选择获取信息的方式")));
    }

    @Test
    void aRefusedStepComesBackAsThePageWithTheReasonThroughTheDatabaseSession() throws Exception {
        Submitted s = Origins.fresh(() -> intake.submit(Applicants.person(ORG, "2026年体育彩票公益金使用情况")));
        UserDetails approver = staff(Role.APPROVER);
        var refused = mvc.perform(post("/admin/requests/{n}/extension", s.trackingNo()).with(user(approver))
                        .with(csrf()).param("reason", "").param("workingDays", "20"))
                .andExpect(redirectedUrl("/admin/requests/" + s.trackingNo())).andReturn();
        mvc.perform(get("/admin/requests/{n}", s.trackingNo()).with(user(approver))
                        .cookie(refused.getResponse().getCookie("SESSION")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写延长答复期限的理由，它将告知申请人。")));

        // The applicant's own correction form, anonymous: the same path through a session of its own.
        var blank = mvc.perform(post("/requests/{n}/corrected", s.trackingNo()).with(csrf())
                        .param("code", s.code()).param("description", ""))
                .andExpect(redirectedUrl("/requests/track")).andReturn();
        mvc.perform(get("/requests/track").cookie(blank.getResponse().getCookie("SESSION")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写补正后的所需信息描述（5至4000个字）。")));
    }

    @Test
    void anApproverAnswersOnThePageAndTheStatisticsCountIt() throws Exception {
        clock.setDate(LocalDate.parse("2026-06-01"));
        Submitted s = Origins.fresh(() -> intake.submit(Applicants.person(ORG, "2026年体育场馆免费开放补助资金")));
        UserDetails approver = staff(Role.APPROVER, Role.EDITOR);
        mvc.perform(get("/admin/requests/{n}", s.trackingNo()).with(user(approver))).andExpect(status().isOk())
                .andExpect(content().string(containsString("答复并生成告知书")))
                .andExpect(content().string(containsString("属于国家秘密")));
        mvc.perform(post("/admin/requests/{n}/reply", s.trackingNo()).with(user(approver)).with(csrf())
                        .param("outcome", "PUBLIC").param("text", "补助资金分配表见本告知书。"))
                .andExpect(flash().attribute("notice", "已答复，告知书已生成。"));
        mvc.perform(get("/admin/requests/{n}", s.trackingNo()).with(user(approver))).andExpect(status().isOk())
                .andExpect(content().string(containsString("下载答复告知书")))
                .andExpect(content().string(containsString("建议转为主动公开")));
        mvc.perform(get("/admin/requests/{n}/letter.pdf", s.trackingNo()).with(user(approver)))
                .andExpect(status().isOk());
        mvc.perform(get("/admin/requests").param("closed", "true").with(user(approver)))
                .andExpect(content().string(containsString(s.trackingNo())));

        mvc.perform(get("/requests/statistics").param("year", "2026")).andExpect(status().isOk())
                .andExpect(content().string(containsString("宜春市体育局")))
                .andExpect(content().string(containsString("按期答复率")));
        String org = mvc.perform(get("/requests/statistics/{o}", ORG).param("year", "2026"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("三、收到和处理政府信息公开申请情况")))
                .andExpect(content().string(containsString("3.危及“三安全一稳定”")))
                .andExpect(content().string(containsString("四、结转下年度继续办理")))
                .andReturn().getResponse().getContentAsString();
        assertThat(org).doesNotContain("李示例").doesNotContain(s.trackingNo());
    }
}
