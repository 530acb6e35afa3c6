package gongkai.requests;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import gongkai.account.Accounts;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.MovableClock;
import gongkai.support.Origins;
import gongkai.support.PlatformTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 行政复议、行政诉讼 section of the staff request page and {@code /api/v1/requests/{no}/appeals}: the handling
 * organisation's editor registers a case and records its result, a refusal is shown in the page or as problem
 * details naming the field, and other staff read the cases without the forms.
 */
@PlatformTest
@Import(MovableClock.Config.class)
class AppealPagesTest {

    private static final String ORG = "ycsyjj";

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

    private String received(String day) {
        clock.setDate(LocalDate.parse(day));
        return Origins.fresh(() -> intake.submit(Applicants.person(ORG, "2025年森林防火检查情况"))).trackingNo();
    }

    @Test
    void anEditorRegistersACaseAndItsResultOnTheRequestPageAndSeesRefusalsThere() throws Exception {
        String no = received("2025-03-03");
        clock.setDate(LocalDate.parse("2025-06-10"));
        UserDetails editor = principals.loadUserByUsername(Acting.newUser(accounts, ORG, Role.EDITOR));
        String page = "/admin/requests/" + no;
        mvc.perform(get(page).with(user(editor))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<h2 id=\"appeals-h\">行政复议、行政诉讼</h2>")))
                .andExpect(content().string(containsString("尚未登记行政复议或行政诉讼案件。")))
                .andExpect(content().string(containsString(
                        "<option value=\"LITIGATION_DIRECT\">行政诉讼（未经复议直接起诉）</option>")));

        MvcResult refused = mvc.perform(post(page + "/appeals").with(user(editor)).with(csrf())
                        .param("kind", "REVIEW").param("filedOn", "2025-06-11").param("authority", "宜春市人民政府"))
                .andExpect(redirectedUrl(page)).andReturn();
        // The refusal travels to the page in the session, as in a browser.
        mvc.perform(get(page).with(user(editor)).cookie(refused.getResponse().getCookie("SESSION")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("申请复议或起诉的日期（2025年6月11日）不能晚于今天。")))
                .andExpect(content().string(containsString("尚未登记行政复议或行政诉讼案件。")));

        mvc.perform(post(page + "/appeals").with(user(editor)).with(csrf()).param("kind", "REVIEW")
                        .param("filedOn", "2025-04-01").param("authority", "宜春市人民政府")
                        .param("caseNumber", "宜府复〔2025〕7号"))
                .andExpect(redirectedUrl(page)).andExpect(flash().attribute("notice", "已登记行政复议或行政诉讼案件。"));
        String shown = mvc.perform(get(page).with(user(editor))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<td>宜府复〔2025〕7号</td>")))
                .andExpect(content().string(containsString("<td>尚未审结</td>")))
                .andReturn().getResponse().getContentAsString();
        String id = shown.replaceAll("(?s).*/appeals/(\\d+)\".*", "$1");

        mvc.perform(post(page + "/appeals/" + id).with(user(editor)).with(csrf()).param("result", "CORRECTED")
                        .param("decidedOn", "2025-06-02"))
                .andExpect(redirectedUrl(page)).andExpect(flash().attribute("notice", "已登记案件结果。"));
        mvc.perform(get(page).with(user(editor))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<td>结果纠正</td>")))
                .andExpect(content().string(containsString("<td>2025-06-02</td>")))
                .andExpect(content().string(containsString("登记复议、诉讼结果")));

        UserDetails approver = principals.loadUserByUsername(Acting.newUser(accounts, ORG, Role.APPROVER));
        mvc.perform(get(page).with(user(approver))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<td>宜府复〔2025〕7号</td>")))
                .andExpect(content().string(not(containsString("id=\"appeal-form\""))))
                .andExpect(content().string(not(containsString("登记结果</button>"))));
    }

    @Test
    void theApiRegistersListsAndDecidesCasesWithProblemDetailsForBadInput() throws Exception {
        String no = received("2025-03-03");
        clock.setDate(LocalDate.parse("2025-06-10"));
        String editor = Acting.newUser(accounts, ORG, Role.EDITOR);
        String base = "/api/v1/requests/" + no + "/appeals";

        String created = mvc.perform(post(base).with(httpBasic(editor, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("LITIGATION_DIRECT")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.id").isNumber())
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();

        mvc.perform(post(base).with(httpBasic(editor, Acting.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(json("LITIGATION_AFTER_REVIEW")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("kind")));
        mvc.perform(put(base + "/" + id).with(httpBasic(editor, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"result\":\"UPHELD\",\"decidedOn\":\"2025-05-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("decidedOn"))
                .andExpect(jsonPath("$.errors[0].message").value("审结日期（2025年5月1日）不能早于申请复议或起诉的日期（2025年5月6日）。"));
        mvc.perform(put(base + "/" + id).with(httpBasic(editor, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"result\":\"UPHELD\",\"decidedOn\":\"2025-06-09\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.result").value("UPHELD"))
                .andExpect(jsonPath("$.resultLabel").value("结果维持"));
        mvc.perform(put(base + "/999999999").with(httpBasic(editor, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"result\":\"PENDING\"}"))
                .andExpect(status().isNotFound());

        mvc.perform(get(base).with(httpBasic(editor, Acting.PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].kind").value("LITIGATION_DIRECT"))
                .andExpect(jsonPath("$[0].filedOn").value("2025-05-06"))
                .andExpect(jsonPath("$[0].authority").value("袁州区人民法院"))
                .andExpect(jsonPath("$[0].decidedOn").value("2025-06-09"));

        String stranger = Acting.newUser(accounts, "ycsmzj", Role.EDITOR);
        mvc.perform(get(base).with(httpBasic(stranger, Acting.PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(post(base).with(httpBasic(stranger, Acting.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"REVIEW\",\"filedOn\":\"2025-05-06\",\"authority\":\"宜春市人民政府\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post(base).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
    }

    private static String json(String kind) {
        return "{\"kind\":\"" + kind + "\",\"filedOn\":\"2025-05-06\",\"authority\":\"袁州区人民法院\"}";
    }
}
