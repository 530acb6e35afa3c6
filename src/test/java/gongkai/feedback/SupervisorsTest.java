package gongkai.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import gongkai.account.Accounts;
import gongkai.calendar.WorkingDayCalendar;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.BackOfficeSignIn;
import gongkai.support.JsonSnapshots;
import gongkai.support.MovableClock;
import gongkai.support.PlatformTest;

/**
 * 社会监督员 as the city office, the supervisor, the body and the public meet them: appointment with an account, a
 * supervisor who is staff of no body, findings filed through the supervision log within the term only, the body's
 * answer read back by the supervisor who filed it and by no other.
 */
@PlatformTest
@Import(MovableClock.Config.class)
class SupervisorsTest {

    private static final String BODY = "ycstyj";
    private static final String REGION = "360902";

    @Autowired
    MockMvc mvc;
    @Autowired
    BackOfficeSignIn signIn;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MovableClock clock;
    @Autowired
    Accounts accounts;
    @Autowired
    WorkingDayCalendar calendar;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private RequestPostProcessor cityAdmin() {
        return signIn.as("admin");
    }

    /**
     * Appoints through the API as the city office's admin, and the supervisor replaces the initial password at the
     * first sign-in; answers username and the supervisor's own password.
     */
    private String[] appoint(String name, LocalDate endsOn) throws Exception {
        String[] s = appointWithInitialPassword(name, endsOn);
        String own = "Mine-Secret-2026-ok";
        mvc.perform(post("/admin/password").with(signIn.as(s[0])).with(csrf()).param("currentPassword", s[1])
                .param("newPassword", own)).andExpect(redirectedUrl("/admin"));
        return new String[] {s[0], own, s[2]};
    }

    /** Appoints through the API as the city office's admin; answers username and initial password. */
    private String[] appointWithInitialPassword(String name, LocalDate endsOn) throws Exception {
        String answer = mvc.perform(json(post("/api/v1/supervisors"), """
                {"name":"%s","phone":"13907951234","regionCode":"%s","termEndsOn":"%s"}"""
                .formatted(name, REGION, endsOn)).with(cityAdmin()))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var node = JsonSnapshots.parse(answer);
        assertThat(node.get("id").asLong()).isPositive();
        return new String[] {node.get("username").asString(), node.get("initialPassword").asString(),
                node.get("id").asString()};
    }

    private String check(String problem) {
        return """
                {"org":"%s","checkedOn":"%s","scope":["CONTENT"],
                 "findings":[{"problem":"%s","deadline":"%s"}]}""".formatted(BODY, today(), problem,
                today().plusDays(20));
    }

    private long fileByApi(String username, String problem) throws Exception {
        String answer = mvc.perform(json(post("/api/v1/supervision/checks"), check(problem)).with(signIn.as(username)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JsonSnapshots.parse(answer).get("findings").get(0).get("id").asLong();
    }

    private int findings() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM supervision_finding", Integer.class);
    }

    private int supervisors() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM supervisor", Integer.class);
    }

    @Test
    void theCityOfficeAppointsASupervisorWhoSignsInWithTheInitialPasswordAsStaffOfNoBody() throws Exception {
        String[] s = appointWithInitialPassword("赵监督", today().plusYears(2));

        // The initial password was chosen by the office: nothing but changing it until it is changed.
        mvc.perform(get("/admin").with(signIn.as(s[0]))).andExpect(redirectedUrl("/admin/password?initial"));
        mvc.perform(get("/admin/password").param("initial", "").with(signIn.as(s[0]))).andExpect(status().isOk())
                .andExpect(content().string(containsString("初始密码")));
        mvc.perform(json(post("/api/v1/supervision/checks"), check("初始密码未改")).with(httpBasic(s[0], s[1])))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("请先在后台修改初始密码")));
        mvc.perform(post("/admin/password").with(signIn.as(s[0])).with(csrf()).param("currentPassword", s[1])
                .param("newPassword", s[1])).andExpect(content().string(containsString("不能与当前密码相同")));
        String own = "Mine-Secret-2026-ok";
        mvc.perform(post("/admin/password").with(signIn.as(s[0])).with(csrf()).param("currentPassword", s[1])
                .param("newPassword", own)).andExpect(redirectedUrl("/admin"));
        s = new String[] {s[0], own, s[2]};

        mvc.perform(get("/api/v1/me").with(httpBasic(s[0], s[1]))).andExpect(status().isOk())
                .andExpect(jsonPath("$.roles").value(org.hamcrest.Matchers.contains("SUPERVISOR")))
                .andExpect(jsonPath("$.org").doesNotExist());
        assertThat(accounts.find(s[0]).orElseThrow().roles()).containsExactly(Role.SUPERVISOR);
        assertThat(jdbc.queryForObject("SELECT term_starts_on FROM supervisor WHERE username = ?", LocalDate.class,
                s[0])).isEqualTo(today());

        // The back office is theirs alone: the start page sends them to their findings, nothing else opens.
        mvc.perform(get("/admin").with(signIn.as(s[0]))).andExpect(redirectedUrl("/admin/supervisor"));
        mvc.perform(get("/admin/supervisor").with(signIn.as(s[0]))).andExpect(status().isOk())
                .andExpect(content().string(containsString("赵监督")))
                .andExpect(content().string(containsString("我的监督发现")));
        mvc.perform(get("/admin/requests").with(signIn.as(s[0]))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/records").with(signIn.as(s[0]))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/users").with(signIn.as(s[0]))).andExpect(status().isForbidden());
    }

    @Test
    void onlyTheCityOfficesAdminAppointsAndBadInputNamesEveryFieldAndStoresNothing() throws Exception {
        String body = "{\"name\":\"钱监督\",\"phone\":\"13907951234\",\"regionCode\":\"" + REGION
                + "\",\"termEndsOn\":\"" + today().plusYears(1) + "\"}";
        int before = supervisors();
        mvc.perform(json(post("/api/v1/supervisors"), body).with(signIn.asNew("ycsmzj", Role.ADMIN)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("只有市政府办公室的管理员可以任命社会监督员")));
        mvc.perform(json(post("/api/v1/supervisors"), body).with(signIn.asNew(Acting.CITY_OFFICE, Role.EDITOR)))
                .andExpect(status().isForbidden());
        mvc.perform(json(post("/api/v1/supervisors"), """
                {"name":" ","phone":"139-abc","regionCode":"999999","termStartsOn":"%s","termEndsOn":"%s"}"""
                .formatted(today().plusDays(10), today().plusDays(5))).with(cityAdmin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("name", "phone", "regionCode",
                        "termEndsOn")))
                .andExpect(content().string(containsString("联系电话“139-abc”不是有效的电话号码")));
        assertThat(supervisors()).isEqualTo(before);

        // The role comes with an appointment only, never from the user form.
        mvc.perform(json(post("/api/v1/users"), """
                {"username":"sv-direct","password":"Test-User-Passw0rd","displayName":"直接","org":"ycszfb",
                 "roles":["SUPERVISOR"]}""").with(cityAdmin()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("社会监督员由市政府办公室")));
        assertThat(accounts.find("sv-direct")).isEmpty();
    }

    @Test
    void aSupervisorsFindingGoesToTheBodyAndTheAnswerComesBackToThemAlone() throws Exception {
        String[] s = appoint("孙监督", today().plusYears(1));
        String[] other = appoint("李监督", today().plusYears(1));
        long id = fileByApi(s[0], "体育局网站“行政处罚”栏目链接失效");
        assertThat(jdbc.queryForObject("SELECT c.source FROM supervision_check c JOIN supervision_finding f "
                + "ON f.check_id = c.id WHERE f.id = ?", String.class, id)).isEqualTo("SUPERVISOR");
        assertThat(jdbc.queryForObject("SELECT c.source_ref FROM supervision_check c JOIN supervision_finding f "
                + "ON f.check_id = c.id WHERE f.id = ?", String.class, id)).contains("孙监督");

        String path = "/api/v1/supervision/findings/" + id;
        RequestPostProcessor approver = signIn.asNew(BODY, Role.APPROVER);
        mvc.perform(get(path).with(approver)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("OPEN"));
        mvc.perform(json(post(path + "/rectification"), "{\"text\":\"已修复栏目链接并全站排查\"}").with(approver))
                .andExpect(status().isOk());

        mvc.perform(get(path).with(signIn.as(s[0]))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RECTIFIED"))
                .andExpect(jsonPath("$.rectification").value("已修复栏目链接并全站排查"));
        mvc.perform(get("/admin/supervisor").with(signIn.as(s[0]))).andExpect(status().isOk())
                .andExpect(content().string(containsString("已修复栏目链接并全站排查")));
        mvc.perform(get("/admin/supervisor/findings/" + id).with(signIn.as(s[0]))).andExpect(status().isOk())
                .andExpect(content().string(containsString("已修复栏目链接并全站排查")));

        // Another supervisor neither reads it nor sees it in their list; a supervisor cannot answer or accept.
        mvc.perform(get(path).with(signIn.as(other[0]))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/supervisor/findings/" + id).with(signIn.as(other[0])))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/supervisor").with(signIn.as(other[0]))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("已修复栏目链接并全站排查"))));
        mvc.perform(post(path + "/accept").with(signIn.as(s[0]))).andExpect(status().isForbidden());
    }

    @Test
    void theFormWritesWhereItWasSeenAndGivesTheBodyFifteenWorkingDays() throws Exception {
        String[] s = appoint("周监督", today().plusYears(1));
        String location = mvc.perform(post("/admin/supervisor/findings").with(signIn.as(s[0])).with(csrf())
                .param("org", BODY).param("saw", "体育场馆开放时间调整未公开").param("regionCode", REGION)
                .param("pageUrl", "https://example.gov.cn/jt/notice").param("scope", "CHANNELS"))
                .andExpect(redirectedUrlPattern("/admin/supervisor/findings/*"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        var row = jdbc.queryForMap("SELECT problem, deadline FROM supervision_finding WHERE id = ?", id);
        assertThat((String) row.get("problem")).contains("体育场馆开放时间调整未公开", "袁州区",
                "https://example.gov.cn/jt/notice");
        assertThat(((java.sql.Date) row.get("deadline")).toLocalDate())
                .isEqualTo(calendar.plusWorkingDays(today(), Supervisors.RECTIFICATION_WORKING_DAYS));

        // An empty description and a page address that is not one: both named, nothing stored.
        int before = findings();
        mvc.perform(post("/admin/supervisor/findings").with(signIn.as(s[0])).with(csrf())
                .param("org", BODY).param("saw", " ").param("regionCode", REGION).param("pageUrl", "javascript:x"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请写明您看到的问题")))
                .andExpect(content().string(containsString("页面地址应以 http:// 或 https:// 开头")));
        assertThat(findings()).isEqualTo(before);
    }

    @Test
    void aSupervisorWhoseTermEndedIsRefusedAndNothingIsStored() throws Exception {
        LocalDate endsOn = today().plusDays(30);
        String[] s = appoint("吴监督", endsOn);
        fileByApi(s[0], "最后一天之前的发现");

        clock.setDate(endsOn.plusDays(1));
        int before = findings();
        mvc.perform(json(post("/api/v1/supervision/checks"), check("任期结束后的发现")).with(signIn.as(s[0])))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("您的社会监督员任期已于" + endsOn + "届满，不能再提交监督发现")));
        mvc.perform(post("/admin/supervisor/findings").with(signIn.as(s[0])).with(csrf())
                .param("org", BODY).param("saw", "任期结束后的发现").param("regionCode", REGION))
                .andExpect(status().isOk()).andExpect(content().string(containsString("届满")));
        assertThat(findings()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM supervision_finding WHERE problem LIKE '任期结束后的发现%'",
                Integer.class)).isZero();
        // What they filed before stays theirs to read.
        mvc.perform(get("/admin/supervisor").with(signIn.as(s[0]))).andExpect(status().isOk())
                .andExpect(content().string(containsString("最后一天之前的发现")))
                .andExpect(content().string(containsString("任期届满")));
    }

    @Test
    void theOfficeEndsATermEarlyAndTheSupervisorCannotFileFromThatDay() throws Exception {
        String[] s = appoint("郑监督", today().plusYears(1));
        mvc.perform(post("/admin/supervisors/" + s[2] + "/end").with(cityAdmin()).with(csrf()).param("reason", " "))
                .andExpect(redirectedUrl("/admin/supervisors"));
        assertThat(jdbc.queryForObject("SELECT ended_early_on FROM supervisor WHERE id = ?", LocalDate.class,
                Long.parseLong(s[2]))).isNull();
        mvc.perform(post("/admin/supervisors/" + s[2] + "/end").with(cityAdmin()).with(csrf())
                .param("reason", "本人申请辞去")).andExpect(redirectedUrl("/admin/supervisors"));

        int before = findings();
        mvc.perform(json(post("/api/v1/supervision/checks"), check("提前结束后的发现")).with(signIn.as(s[0])))
                .andExpect(status().isForbidden()).andExpect(content().string(containsString("提前结束")));
        assertThat(findings()).isEqualTo(before);
        mvc.perform(get("/supervisors")).andExpect(status().isOk())
                .andExpect(content().string(containsString("郑监督")))
                .andExpect(content().string(containsString("提前结束")));
    }

    @Test
    void thePublicListShowsNameRegionAndTermButNoPhone() throws Exception {
        String[] s = appoint("冯监督", today().plusYears(1));
        mvc.perform(get("/supervisors")).andExpect(status().isOk())
                .andExpect(content().string(containsString("冯监督")))
                .andExpect(content().string(containsString("袁州区")))
                .andExpect(content().string(containsString(today() + " 至 " + today().plusYears(1))))
                .andExpect(content().string(not(containsString("13907951234"))))
                .andExpect(content().string(not(containsString("1234</"))))
                .andExpect(content().string(not(containsString(s[0]))));
        mvc.perform(get("/")).andExpect(content().string(containsString("href=\"/supervisors\"")));
        // The office's own list has the phone to reach them.
        mvc.perform(get("/admin/supervisors").with(cityAdmin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("13907951234")));
        mvc.perform(get("/admin/supervisors").with(signIn.asNew("ycsmzj", Role.ADMIN)))
                .andExpect(status().isForbidden());
    }
}
