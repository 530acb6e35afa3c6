package gongkai.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import gongkai.assessment.Supervision;
import gongkai.calendar.DueReminder;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.BackOfficeSignIn;
import gongkai.support.PlatformTest;

/**
 * Complaints and reports (投诉举报): intake by API and by staff with nothing stored on bad input, floods refused,
 * routing and transfer, due dates over the National Day holiday with reminders and overdue marks, who reads the
 * complainant's details, the answer, and a substantiated complaint becoming a supervision finding.
 */
@PlatformTest
class ComplaintsTest {

    static final String CIVIL = "ycsmzj";
    static final String EDUCATION = "ycsjyj";
    static final String CITY = "ycszfb";

    @Autowired
    Complaints complaints;
    @Autowired
    Supervision supervision;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    BackOfficeSignIn signIn;

    final Actor civilEditor = Acting.actor(CIVIL, Role.EDITOR);
    final Actor civilApprover = Acting.actor(CIVIL, Role.APPROVER);
    final Actor civilReviewer = Acting.actor(CIVIL, Role.REVIEWER);
    final Actor educationEditor = Acting.actor(EDUCATION, Role.EDITOR);
    final Actor cityEditor = Acting.actor(CITY, Role.EDITOR);

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static String uniqueAddress() {
        int n = Math.abs(UUID.randomUUID().hashCode());
        return "10." + (n % 250) + "." + (n / 250 % 250) + "." + (n / 62500 % 250);
    }

    static String json(String org, String category, String subject, String description, String name, String phone,
            boolean anonymous) {
        return "{" + (org == null ? "" : "\"org\":\"" + org + "\",") + "\"category\":\"" + category
                + "\",\"subject\":\"" + subject + "\",\"description\":\"" + description + "\""
                + (name == null ? "" : ",\"name\":\"" + name + "\"") + (phone == null ? "" : ",\"phone\":\"" + phone + "\"")
                + ",\"anonymous\":" + anonymous + "}";
    }

    String submitByApi(String org, String category, String subject, String phone) throws Exception {
        String body = mvc.perform(post("/api/v1/complaints").with(from(uniqueAddress()))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(org, category, subject, "某村低保名单没有张榜公示", "张三", phone, false)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.trackingNo").exists())
                .andExpect(jsonPath("$.code").exists()).andExpect(jsonPath("$.dueOn").exists())
                .andReturn().getResponse().getContentAsString();
        return body;
    }

    ComplaintReceipt letter(String org, String category, String subject, LocalDate receivedOn) {
        return Acting.as(civilEditor, () -> complaints.enter(new NewComplaint(org, category, subject,
                "来信反映" + subject, "李四", "13900000000", false), "LETTER", receivedOn, civilEditor));
    }

    long stored(String subject) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM complaint WHERE subject = ?", Long.class, subject);
    }

    @Test
    void aComplaintByTheApiIsRoutedToTheBodyNamedAndFollowedWithItsCode() throws Exception {
        String subject = "CT-api-" + UUID.randomUUID();
        String body = submitByApi(CIVIL, "NOT_DISCLOSED", subject, "0795-3210000");
        String no = JsonPath.read(body, "$.trackingNo");
        String code = JsonPath.read(body, "$.code");
        assertThat(no).startsWith("TS");
        // Only a hash of the code is kept.
        assertThat(jdbc.queryForObject("SELECT code_hash FROM complaint WHERE tracking_no = ?", String.class, no))
                .hasSize(64).doesNotContain(code);

        mvc.perform(get("/api/v1/complaints/{no}", no).param("code", code)).andExpect(status().isOk())
                .andExpect(jsonPath("$.org").value(CIVIL)).andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.name").value("张三")).andExpect(jsonPath("$.history[0].kind").value("RECEIVED"))
                .andExpect(jsonPath("$.dueWorkingDays").value(15));
        mvc.perform(get("/api/v1/complaints/{no}", no).param("code", "WRONGCODE2").with(from(uniqueAddress())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Complaints.TRACK_FAILED));
    }

    @Test
    void anotherBodysStaffAndAnonymousUsersCannotReadTheComplainantsDetails() throws Exception {
        String no = letter(CIVIL, "PRIVACY", "CT-access-" + UUID.randomUUID(), LocalDate.of(2026, 11, 2))
                .trackingNo();

        mvc.perform(get("/api/v1/complaints/{no}", no)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/complaints/{no}", no).with(signIn.asNew(EDUCATION, Role.EDITOR, Role.APPROVER)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("只有承办机构和市政府办公室的工作人员可以查看该投诉举报的详情。"));
        mvc.perform(get("/api/v1/complaints").param("org", CIVIL).with(signIn.asNew(EDUCATION, Role.EDITOR)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/complaints")).andExpect(status().isForbidden());
        String otherInbox = mvc.perform(get("/api/v1/complaints").with(signIn.asNew(EDUCATION, Role.EDITOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(otherInbox).doesNotContain(no);
        mvc.perform(get("/admin/complaints/{no}", no).with(signIn.asNew(EDUCATION, Role.EDITOR)))
                .andExpect(status().isForbidden());

        // The handling body's staff, whatever their role, and the city office read the name and phone.
        mvc.perform(get("/api/v1/complaints/{no}", no).with(signIn.asNew(CIVIL, Role.REVIEWER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.phone").value("13900000000"))
                .andExpect(jsonPath("$.actions").isEmpty());
        mvc.perform(get("/api/v1/complaints/{no}", no).with(signIn.asNew(CITY, Role.EDITOR)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("李四"));
        mvc.perform(get("/api/v1/complaints").param("org", CIVIL).param("status", "OPEN")
                .with(signIn.asNew(CIVIL, Role.EDITOR))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.trackingNo == '" + no + "')].subject").exists());
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        String subject = "CT-bad-" + UUID.randomUUID();
        mvc.perform(post("/api/v1/complaints").with(from(uniqueAddress())).contentType(MediaType.APPLICATION_JSON)
                .content(json(CIVIL, "LATE", subject, " ", null, null, true))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("description"));
        mvc.perform(post("/api/v1/complaints").with(from(uniqueAddress())).contentType(MediaType.APPLICATION_JSON)
                .content(json(CIVIL, "LATE", subject, "网站未更新", "王五", "12345", false)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("phone"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("联系电话")));
        mvc.perform(post("/api/v1/complaints").with(from(uniqueAddress())).contentType(MediaType.APPLICATION_JSON)
                .content(json("nosuchorg", "SOMETHING", subject, "网站未更新", null, null, true)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.length()").value(2));
        assertThat(stored(subject)).isZero();

        // Staff entry: a letter cannot be dated tomorrow nor entered as an online complaint.
        assertThatThrownBy(() -> Acting.as(civilEditor, () -> complaints.enter(new NewComplaint(CIVIL, "LATE", subject,
                "来信", null, null, true), "ONLINE", LocalDate.now().plusDays(2), civilEditor)))
                .isInstanceOf(InvalidInputProblem.class).satisfies(e -> assertThat(((InvalidInputProblem) e).errors())
                        .extracting(InvalidInputProblem.FieldError::field).contains("channel", "receivedOn"));
        assertThatThrownBy(() -> complaints.enter(new NewComplaint(CIVIL, "LATE", subject, "来信", null, null, true),
                "PHONE", LocalDate.of(2026, 11, 2), civilReviewer)).isInstanceOf(AccessDeniedProblem.class);
        assertThat(stored(subject)).isZero();
    }

    @Test
    void anAnonymousReportKeepsNoNameOrPhone() {
        String subject = "CT-anon-" + UUID.randomUUID();
        ComplaintReceipt r = Acting.as(civilEditor, () -> complaints.enter(new NewComplaint(null, "OTHER", subject,
                "匿名反映", "不该保存", "13800000000", true), "PHONE", LocalDate.of(2026, 11, 3), civilEditor));
        ComplaintView v = complaints.track(r.trackingNo(), r.code().toLowerCase());
        assertThat(v.anonymous()).isTrue();
        assertThat(v.name()).isNull();
        assertThat(v.phone()).isNull();
        assertThat(v.channel()).isEqualTo("PHONE");
        assertThat(v.org()).as("no body named: the city office").isEqualTo(CITY);
    }

    @Test
    void floodsFromOneAddressAreRefusedAndNothingIsStored() throws Exception {
        String address = uniqueAddress();
        String subject = "CT-flood-" + UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            mvc.perform(post("/api/v1/complaints").with(from(address)).contentType(MediaType.APPLICATION_JSON)
                    .content(json(CIVIL, "LATE", subject, "第" + i + "件", null, null, true)))
                    .andExpect(status().isCreated());
        }
        mvc.perform(post("/api/v1/complaints").with(from(address)).contentType(MediaType.APPLICATION_JSON)
                .content(json(CIVIL, "LATE", subject, "第11件", null, null, true)))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("提交的投诉举报过多")));
        assertThat(stored(subject)).isEqualTo(10);
        // Another address is not held back.
        mvc.perform(post("/api/v1/complaints").with(from(uniqueAddress())).contentType(MediaType.APPLICATION_JSON)
                .content(json(CIVIL, "LATE", subject, "另一个地址", null, null, true))).andExpect(status().isCreated());
    }

    @Test
    void guessingCodesFromOneAddressIsRefused() throws Exception {
        String no = letter(CIVIL, "LATE", "CT-guess-" + UUID.randomUUID(), LocalDate.of(2026, 11, 2)).trackingNo();
        String address = uniqueAddress();
        for (int i = 0; i < 10; i++) {
            mvc.perform(get("/api/v1/complaints/{no}", no).param("code", "GUESS" + i).with(from(address)))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(get("/api/v1/complaints/{no}", no).param("code", "GUESS").with(from(address)))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void theDueDateCountsWorkingDaysOverTheNationalDayHolidayAndItsAdjustedWorkingDay() {
        // Received Monday 28 September 2026: 1-7 October are off, Saturday 10 October is worked (调休).
        ComplaintReceipt r = letter(CIVIL, "WRONG_CONTENT", "CT-due-" + UUID.randomUUID(), LocalDate.of(2026, 9, 28));
        assertThat(r.dueOn()).isEqualTo(LocalDate.of(2026, 10, 23));
        assertThat(r.dueCovered()).isTrue();
    }

    @Test
    void theHandlingBodyIsRemindedBeforeTheDueDateOnceAndTheComplaintMarkedOverdueOnce() {
        String no = letter(CIVIL, "LATE", "CT-remind-" + UUID.randomUUID(), LocalDate.of(2026, 9, 28)).trackingNo();
        assertThat(complaints.keepClock(no, LocalDate.of(2026, 10, 16))).isEmpty();
        assertThat(complaints.keepClock(no, LocalDate.of(2026, 10, 20))).contains(DueReminder.REMIND);
        assertThat(complaints.keepClock(no, LocalDate.of(2026, 10, 21))).isEmpty();
        assertThat(complaints.keepClock(no, LocalDate.of(2026, 10, 23))).isEmpty();
        assertThat(complaints.keepClock(no, LocalDate.of(2026, 10, 26))).contains(DueReminder.OVERDUE);
        assertThat(complaints.keepClock(no, LocalDate.of(2026, 10, 27))).isEmpty();
        ComplaintView v = Acting.as(civilEditor, () -> complaints.read(no, civilEditor));
        assertThat(v.history()).extracting(ComplaintView.Step::kind).containsExactly("RECEIVED", "REMINDED",
                "OVERDUE");
        assertThat(v.history().get(1).detail()).contains("2026年10月23日").contains("3个工作日");
        assertThat(v.overdue()).isTrue();
    }

    @Test
    void aTransferIsRecordedWithItsReasonAndTheDueDateKeepsRunningFromReceipt() throws Exception {
        ComplaintReceipt r = Acting.as(cityEditor, () -> complaints.enter(new NewComplaint(null, "WRONG_CONTENT",
                "CT-transfer-" + UUID.randomUUID(), "招生简章日期有误", null, null, true), "LETTER",
                LocalDate.of(2026, 11, 2), cityEditor));
        assertThat(complaints.read(r.trackingNo(), cityEditor).org()).isEqualTo(CITY);

        assertThatThrownBy(() -> complaints.transfer(r.trackingNo(), EDUCATION, "", cityEditor))
                .isInstanceOf(InvalidInputProblem.class).hasMessageContaining("转办理由");
        assertThatThrownBy(() -> complaints.transfer(r.trackingNo(), EDUCATION, "不归我们", civilEditor))
                .isInstanceOf(AccessDeniedProblem.class);
        ComplaintView v = complaints.transfer(r.trackingNo(), EDUCATION, "招生简章由市教育局发布", cityEditor);
        assertThat(v.org()).isEqualTo(EDUCATION);
        assertThat(v.dueOn()).isEqualTo(r.dueOn());
        assertThat(v.history().get(1).kind()).isEqualTo("TRANSFERRED");
        assertThat(v.history().get(1).detail()).contains("招生简章由市教育局发布").contains("自收到之日起计算");
        // The city office still reads it, but only the body now handling it answers.
        assertThat(v.actions()).isEmpty();
        assertThatThrownBy(() -> complaints.reply(r.trackingNo(), "已处理", false, cityEditor))
                .isInstanceOf(AccessDeniedProblem.class);

        mvc.perform(post("/api/v1/complaints/{no}/transfer", r.trackingNo()).with(signIn.asNew(EDUCATION, Role.EDITOR))
                .contentType(MediaType.APPLICATION_JSON).content("{\"org\":\"" + EDUCATION + "\",\"reason\":\"再转\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("org"));
    }

    @Test
    void aSubstantiatedComplaintThatSomethingWasNotDisclosedBecomesASupervisionFinding() throws Exception {
        String no = JsonPath.read(submitByApi(CIVIL, "NOT_DISCLOSED", "CT-finding-" + UUID.randomUUID(), null),
                "$.trackingNo");
        mvc.perform(post("/api/v1/complaints/{no}/reply", no).with(signIn.asNew(EDUCATION, Role.APPROVER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"已处理\",\"substantiated\":true}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/complaints/{no}/reply", no).with(signIn.asNew(CIVIL, Role.APPROVER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\" \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.length()").value(2));

        String answered = mvc.perform(post("/api/v1/complaints/{no}/reply", no).with(signIn.asNew(CIVIL, Role.EDITOR))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"已责成乡镇张榜公示低保名单\",\"substantiated\":true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ANSWERED"))
                .andExpect(jsonPath("$.substantiated").value(true))
                .andReturn().getResponse().getContentAsString();
        long finding = ((Number) JsonPath.read(answered, "$.findingId")).longValue();
        assertThat((String) JsonPath.read(answered, "$.answer")).contains("督查整改问题（编号" + finding + "）");
        assertThat(jdbc.queryForObject("SELECT c.source FROM supervision_check c JOIN supervision_finding f "
                + "ON f.check_id = c.id WHERE f.id = ? AND c.source_ref = ?", String.class, finding, no))
                .isEqualTo("COMPLAINT");
        var detail = supervision.finding(finding, civilApprover);
        assertThat(detail.finding().org()).isEqualTo(CIVIL);
        assertThat(detail.finding().problem()).contains(no);
        assertThat(detail.finding().deadline()).isAfter(LocalDate.now().plusDays(9));

        assertThatThrownBy(() -> complaints.reply(no, "再答复", false, civilApprover))
                .isInstanceOf(ConflictProblem.class);
    }

    @Test
    void otherSubstantiatedOrUnsubstantiatedComplaintsAreAnsweredWithoutAFinding() {
        String late = letter(CIVIL, "LATE", "CT-late-" + UUID.randomUUID(), LocalDate.of(2026, 11, 2)).trackingNo();
        assertThat(complaints.reply(late, "经核查已按期公开", false, civilApprover).findingId()).isNull();
        String wrong = letter(CIVIL, "WRONG_CONTENT", "CT-wrong-" + UUID.randomUUID(), LocalDate.of(2026, 11, 2))
                .trackingNo();
        ComplaintView v = complaints.reply(wrong, "已更正", true, civilApprover);
        assertThat(v.findingId()).isNull();
        assertThat(v.answer()).startsWith("经核查，投诉举报属实。已更正");
    }

    @Test
    void statisticsPerBodyCountReceivedAnsweredOnTimeAndSubstantiatedWithoutPersonalData() throws Exception {
        LocalDate today = LocalDate.now(gongkai.shared.PlatformConfiguration.CHINA);
        int year = today.getYear();
        ComplaintStatistics before = civilStats(year);
        var assessedBefore = assessed(year);
        String onTime = letter(CIVIL, "LATE", "CT-stat1-" + UUID.randomUUID(), today).trackingNo();
        complaints.reply(onTime, "已公开", true, civilApprover);
        letter(CIVIL, "OTHER", "CT-stat2-" + UUID.randomUUID(), today);
        ComplaintStatistics after = civilStats(year);
        assertThat(after.received() - before.received()).isEqualTo(2);
        assertThat(after.answered() - before.answered()).isEqualTo(1);
        assertThat(after.answeredOnTime() - before.answeredOnTime()).isEqualTo(1);
        assertThat(after.substantiated() - before.substantiated()).isEqualTo(1);
        // The assessment reads the same year through gongkai.shared.ComplaintFigures; a letter of early January left
        // unanswered is overdue by now.
        letter(CIVIL, "OTHER", "CT-stat3-" + UUID.randomUUID(), LocalDate.of(year, 1, 5));
        var assessedAfter = assessed(year);
        assertThat(assessedAfter.received() - assessedBefore.received()).isEqualTo(3);
        assertThat(assessedAfter.answeredOnTime() - assessedBefore.answeredOnTime()).isEqualTo(1);
        assertThat(assessedAfter.openOverdue() - assessedBefore.openOverdue()).isEqualTo(1);
        assertThat(assessedAfter.substantiated() - assessedBefore.substantiated()).isEqualTo(1);

        String page = mvc.perform(get("/complaints/statistics").param("year", String.valueOf(year))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("宜春市民政局").doesNotContain("李四").doesNotContain("13900000000");
        mvc.perform(get("/api/v1/complaints/statistics/{year}", year)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").doesNotExist());
    }

    ComplaintStatistics civilStats(int year) {
        List<ComplaintStatistics> all = complaints.statistics(year);
        return all.stream().filter(s -> s.org().equals(CIVIL)).findFirst()
                .orElse(new ComplaintStatistics(CIVIL, "", year, 0, 0, 0, 0));
    }

    @Autowired
    gongkai.shared.ComplaintFigures complaintFigures;

    private gongkai.shared.ComplaintFigures.Figures assessed(int year) {
        return complaintFigures.ofYear(year).stream().filter(f -> f.org().equals(CIVIL)).findFirst()
                .orElse(gongkai.shared.ComplaintFigures.Figures.none(CIVIL));
    }
}
