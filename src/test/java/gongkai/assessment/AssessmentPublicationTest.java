package gongkai.assessment;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.account.Accounts;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.MovableClock;
import gongkai.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The year's assessment as the city office runs it: a draft only it and auditors see, indicators it sets (refused
 * unless they add up), publication by its ADMIN, then the public result that no longer changes.
 */
@PlatformTest
@Import(MovableClock.Config.class)
class AssessmentPublicationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcTemplate jdbc;

    private static final String WEIGHTS = """
            [{"code":"OBLIGATIONS","name":"主动公开","weight":40},{"code":"INTERPRETATION","name":"政策解读","weight":10},
             {"code":"REQUESTS","name":"依申请公开","weight":20},{"code":"COMPLAINTS","name":"投诉举报","weight":0},
             {"code":"SUPERVISION","name":"督查整改","weight":%s},{"code":"WEBSITE","name":"网站自查","weight":10}]""";

    @Test
    void theCityOfficeSetsTheIndicatorsAndPublishesAndThePublicReadsTheResult() throws Exception {
        String admin = Acting.newUser(accounts, Acting.CITY_OFFICE, Role.ADMIN);
        String auditor = Acting.newUser(accounts, "fxxzf", Role.AUDITOR);
        String countyEditor = Acting.newUser(accounts, "fxxzf", Role.EDITOR);
        String countyAdmin = Acting.newUser(accounts, "fxxzf", Role.ADMIN);

        mvc.perform(get("/api/v1/assessment/2026")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("尚未公布")));
        mvc.perform(get("/api/v1/assessment/2026/draft").with(httpBasic(countyEditor, Acting.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/assessment/2026/draft").with(httpBasic(auditor, Acting.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.publishedAt").doesNotExist())
                .andExpect(jsonPath("$.orgs[0].rank").value(1))
                .andExpect(jsonPath("$.orgs[*].org", hasItem("fxxzf")))
                .andExpect(jsonPath("$.orgs[0].basis.OBLIGATIONS.link").value(containsString("/disclosure-status?org=")));

        mvc.perform(put("/api/v1/assessment/2026/indicators").with(httpBasic(admin, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(WEIGHTS.formatted("10")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("各项指标权重之和应为100，现在是90。"));
        mvc.perform(put("/api/v1/assessment/2026/indicators").with(httpBasic(countyAdmin, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(WEIGHTS.formatted("20")))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM assessment_indicator", Integer.class)).isZero();
        mvc.perform(put("/api/v1/assessment/2026/indicators").with(httpBasic(admin, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(WEIGHTS.formatted("20")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].weight").value(40));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'assessment.indicators'",
                Integer.class)).isEqualTo(1);

        mvc.perform(post("/api/v1/assessment/2026/publish").with(httpBasic(auditor, Acting.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/assessment/2026/publish").with(httpBasic(admin, Acting.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.publishedAt").exists());
        mvc.perform(get("/api/v1/assessment/2026"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(2026))
                .andExpect(jsonPath("$.indicators[0].code").value("OBLIGATIONS"))
                .andExpect(jsonPath("$.indicators[0].weight").value(40))
                .andExpect(jsonPath("$.orgs[0].rank").value(1))
                .andExpect(jsonPath("$.orgs[0].parts.OBLIGATIONS").exists());
        mvc.perform(post("/api/v1/assessment/2026/publish").with(httpBasic(admin, Acting.PASSWORD)))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/v1/assessment/2026/indicators").with(httpBasic(admin, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(WEIGHTS.formatted("20")))
                .andExpect(status().isConflict());
        mvc.perform(get("/assessment/2026")).andExpect(status().isOk())
                .andExpect(content().string(containsString("政府信息公开工作考核")))
                .andExpect(content().string(containsString("奉新县人民政府")));
        mvc.perform(get("/assessment")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/assessment/2026")));
        mvc.perform(get("/assessment/2025")).andExpect(status().isNotFound());
    }
}
