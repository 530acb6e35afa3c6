package gongkai.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import gongkai.account.Accounts;
import gongkai.account.AuditTrail;
import gongkai.catalog.ReportingPeriod;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.BackOfficeSignIn;
import gongkai.support.JsonSnapshots;
import gongkai.support.PlatformTest;

/**
 * 督查整改 as its users meet it over HTTP: the auditor records a check, the body's APPROVER answers each finding, the
 * auditor accepts or sends it back — and nobody else can act in the cycle.
 */
@PlatformTest
class SupervisionTest {

    private static final String ORG = "ycsjyj";
    private static final String OTHER_ORG = "ycsmzj";

    @Autowired
    MockMvc mvc;
    @Autowired
    BackOfficeSignIn signIn;
    @Autowired
    AuditTrail audit;
    @Autowired
    Supervision supervision;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    Accounts accounts;

    private RequestPostProcessor auditor() {
        return signIn.asNew(Acting.CITY_OFFICE, Role.AUDITOR);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** Records a check of ORG with one finding through the API; answers the finding's id. */
    private long oneFinding(RequestPostProcessor auditor, String problem, LocalDate checkedOn, LocalDate deadline)
            throws Exception {
        String answer = mvc.perform(json(post("/api/v1/supervision/checks"), """
                {"org":"%s","checkedOn":"%s","scope":["CONTENT","TIMELINESS"],
                 "findings":[{"problem":"%s","item":"%s","deadline":"%s"}]}"""
                .formatted(ORG, checkedOn, problem, anItem(), deadline)).with(auditor))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.findings", hasSize(1)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JsonSnapshots.parse(answer).get("findings").get(0).get("id").asLong();
    }

    private String anItem() {
        return jdbc.queryForObject("SELECT code FROM catalog_item ORDER BY code FETCH FIRST 1 ROWS ONLY", String.class);
    }

    private String statusOf(long id) {
        return jdbc.queryForObject("SELECT status FROM supervision_finding WHERE id = ?", String.class, id);
    }

    @Test
    void aFindingGoesRoundTheCycleAndEveryStepIsInItsHistoryAndTheAuditTrail() throws Exception {
        RequestPostProcessor auditor = auditor();
        RequestPostProcessor approver = signIn.asNew(ORG, Role.APPROVER);
        long id = oneFinding(auditor, "“教育收费”栏目超过一个季度未更新", today().minusDays(3), today().plusDays(20));
        String path = "/api/v1/supervision/findings/" + id;

        mvc.perform(get(path).with(approver)).andExpect(status().isOk())
                .andExpect(jsonPath("$.org").value(ORG)).andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.deadline").value(today().plusDays(20).toString()))
                .andExpect(jsonPath("$.history", hasSize(1)));
        mvc.perform(json(post(path + "/rectification"), "{\"text\":\"已补充发布第三季度教育收费信息\"}").with(approver))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RECTIFIED"))
                .andExpect(jsonPath("$.rectification").value("已补充发布第三季度教育收费信息"));
        mvc.perform(json(post(path + "/reopen"), "{\"reason\":\"缺少收费依据文件\"}").with(auditor))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REOPENED"));
        mvc.perform(json(post(path + "/rectification"), "{\"text\":\"已补充收费依据文件\"}").with(approver))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RECTIFIED"));
        mvc.perform(post(path + "/accept").with(auditor))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.history[*].action").value(org.hamcrest.Matchers.contains("RECORDED",
                        "RECTIFIED", "REOPENED", "RECTIFIED", "ACCEPTED")))
                .andExpect(jsonPath("$.history[2].text").value("缺少收费依据文件"));

        var lines = Acting.as(Acting.cityAdmin(), () -> audit.search(new AuditTrail.Query(null,
                "supervision_finding", Long.toString(id), null, null), 0).getContent());
        assertThat(lines).extracting(e -> e.action()).containsExactlyInAnyOrder("supervision.finding",
                "supervision.rectify", "supervision.reopen", "supervision.rectify", "supervision.accept");
        assertThat(lines).anyMatch(e -> e.detail().contains("缺少收费依据文件"));
        // Closed is closed: nobody can answer it again.
        mvc.perform(json(post(path + "/rectification"), "{\"text\":\"再次整改\"}").with(approver))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("已销号")));
    }

    @Test
    void onlyTheBodysApproverMayRectifyAndTheAuditorMayNotAcceptAnOpenFinding() throws Exception {
        RequestPostProcessor auditor = auditor();
        long id = oneFinding(auditor, "政策解读缺失", today().minusDays(1), today().plusDays(10));
        String path = "/api/v1/supervision/findings/" + id;
        String text = "{\"text\":\"已整改\"}";

        mvc.perform(json(post(path + "/rectification"), text).with(signIn.asNew(OTHER_ORG, Role.APPROVER)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("只有被督查机构的分管领导可以提交整改情况")));
        mvc.perform(json(post(path + "/rectification"), text).with(signIn.asNew(ORG, Role.EDITOR)))
                .andExpect(status().isForbidden());
        mvc.perform(get(path).with(signIn.asNew(OTHER_ORG, Role.APPROVER))).andExpect(status().isForbidden());
        mvc.perform(post(path + "/accept").with(auditor))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("待整改")));
        mvc.perform(json(post(path + "/rectification"), "{\"text\":\"  \"}").with(signIn.asNew(ORG, Role.APPROVER)))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("text")));
        assertThat(statusOf(id)).isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM supervision_finding_step WHERE finding_id = ?",
                Integer.class, id)).isEqualTo(1);
    }

    @Test
    void aBadCheckNamesEveryFieldAndStoresNothing() throws Exception {
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM supervision_check", Integer.class);
        mvc.perform(json(post("/api/v1/supervision/checks"), """
                {"org":"nosuchbody","checkedOn":"%s","scope":["CONTENT","SPEED"],
                 "findings":[{"problem":"栏目空白","deadline":"%s"},
                             {"problem":" ","item":"no-such-item","record":"NOPE-2026/0001","deadline":"%s"}]}"""
                .formatted(today().minusDays(2), today().minusDays(5), today().plusDays(5))).with(auditor()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("\"org\"")))
                .andExpect(content().string(containsString("scope[1]")))
                .andExpect(content().string(containsString("findings[0].deadline")))
                .andExpect(content().string(containsString("findings[1].problem")))
                .andExpect(content().string(containsString("findings[1].item")))
                .andExpect(content().string(containsString("findings[1].record")))
                .andExpect(content().string(not(containsString("findings[0].problem"))));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM supervision_check", Integer.class)).isEqualTo(before);
        // Only an auditor records a check.
        mvc.perform(json(post("/api/v1/supervision/checks"), """
                {"org":"%s","checkedOn":"%s","scope":["CONTENT"],"findings":[]}""".formatted(ORG, today()))
                .with(signIn.asNew(ORG, Role.APPROVER))).andExpect(status().isForbidden());
        // A clean check, with no findings, is a check.
        mvc.perform(json(post("/api/v1/supervision/checks"), """
                {"org":"%s","checkedOn":"%s","scope":["CHANNELS"],"findings":[]}""".formatted(ORG, today()))
                .with(auditor())).andExpect(status().isCreated()).andExpect(jsonPath("$.findings", hasSize(0)));
    }

    @Test
    void aFindingPastItsDeadlineIsOverdueUntilRectified() throws Exception {
        long late = oneFinding(auditor(), "未按期公开空气质量排名", today().minusDays(30), today().minusDays(2));
        long onTime = oneFinding(auditor(), "信息分类有误", today().minusDays(30), today().plusDays(2));
        List<SupervisionFinding> overdue = supervision.overdue(today());
        assertThat(overdue).extracting(SupervisionFinding::id).contains(late).doesNotContain(onTime);
        assertThat(overdue).filteredOn(f -> f.id() == late).allMatch(SupervisionFinding::overdue);
        mvc.perform(get("/admin/supervision").with(signIn.asNew(ORG, Role.EDITOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("已超过整改期限")))
                .andExpect(content().string(containsString("未按期公开空气质量排名")));
    }

    @Test
    void theFindingPageOffersOnlyTheButtonsItsReaderMayUse() throws Exception {
        RequestPostProcessor auditor = auditor();
        long id = oneFinding(auditor, "公开指南未更新", today().minusDays(1), today().plusDays(10));
        String page = "/admin/supervision/findings/" + id;
        mvc.perform(get(page).with(signIn.asNew(ORG, Role.APPROVER))).andExpect(status().isOk())
                .andExpect(content().string(containsString("rectify-form")))
                .andExpect(content().string(not(containsString("accept-form"))))
                .andExpect(content().string(not(containsString("reopen-form"))));
        mvc.perform(get(page).with(signIn.asNew(ORG, Role.EDITOR))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("rectify-form"))));
        mvc.perform(get(page).with(auditor)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("rectify-form"))))
                .andExpect(content().string(not(containsString("accept-form"))));
        mvc.perform(post(page + "/rectify").with(signIn.asNew(ORG, Role.APPROVER)).with(csrf())
                .param("text", "已更新公开指南")).andExpect(status().is3xxRedirection());
        mvc.perform(get(page).with(auditor)).andExpect(status().isOk())
                .andExpect(content().string(containsString("accept-form")))
                .andExpect(content().string(containsString("reopen-form")))
                .andExpect(content().string(containsString("已更新公开指南")));
    }

    @Test
    void theCheckFormKeepsWhatWasTypedAndNamesTheRowThatIsWrong() throws Exception {
        RequestPostProcessor auditor = auditor();
        mvc.perform(get("/admin/supervision/new").with(auditor)).andExpect(status().isOk())
                .andExpect(content().string(containsString("findings[4].deadline")));
        mvc.perform(get("/admin/supervision/new").with(signIn.asNew(ORG, Role.APPROVER)))
                .andExpect(status().isForbidden());
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM supervision_check", Integer.class);
        mvc.perform(post("/admin/supervision/new").with(auditor).with(csrf()).param("org", ORG)
                .param("checkedOn", today().toString()).param("scope", "CONTENT")
                .param("findings[2].problem", "办事指南链接失效").param("findings[2].deadline",
                        today().minusDays(1).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("办事指南链接失效")))
                .andExpect(content().string(containsString("整改期限应晚于督查日期")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM supervision_check", Integer.class)).isEqualTo(before);
        mvc.perform(post("/admin/supervision/new").with(auditor).with(csrf()).param("org", ORG)
                .param("checkedOn", today().toString()).param("scope", "CONTENT")
                .param("findings[2].problem", "办事指南链接失效").param("findings[2].deadline",
                        today().plusDays(7).toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM supervision_check", Integer.class))
                .isEqualTo(before + 1);
    }

    @Test
    void aPublishedQuarterIsPublicAndAnUnpublishedOneIsNot() throws Exception {
        ReportingPeriod current = ReportingPeriod.quarter(today().getYear(), (today().getMonthValue() - 1) / 3 + 1);
        ReportingPeriod last = ReportingPeriod.quarter(current.number() == 1 ? current.year() - 1 : current.year(),
                current.number() == 1 ? 4 : current.number() - 1);
        String auditorName = Acting.newUser(accounts, Acting.CITY_OFFICE, Role.AUDITOR);
        RequestPostProcessor auditor = signIn.as(auditorName);
        oneFinding(auditor, "依申请公开栏目无法访问", last.lastDay().minusDays(5), today().plusDays(30));

        mvc.perform(get("/supervision/" + last)).andExpect(status().isNotFound());
        mvc.perform(post("/admin/supervision/summaries").with(auditor).with(csrf()).param("quarter",
                current.toString())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/supervision/" + current)).andExpect(status().isNotFound());
        mvc.perform(post("/admin/supervision/summaries").with(signIn.asNew(ORG, Role.APPROVER)).with(csrf())
                .param("quarter", last.toString())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/supervision/summaries").with(auditor).with(csrf()).param("quarter",
                last.toString())).andExpect(status().is3xxRedirection());

        mvc.perform(get("/supervision")).andExpect(status().isOk())
                .andExpect(content().string(containsString(last.describe() + "督查整改情况通报")));
        mvc.perform(get("/supervision/" + last)).andExpect(status().isOk())
                .andExpect(content().string(containsString("依申请公开栏目无法访问")))
                .andExpect(content().string(containsString("待整改")))
                .andExpect(content().string(not(containsString(auditorName))));
    }
}
