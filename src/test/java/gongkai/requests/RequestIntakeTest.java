package gongkai.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import gongkai.account.Accounts;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.MovableClock;
import gongkai.support.PlatformTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asking as the public does — through the API and the form with its human check — and who may read what: the
 * applicant with the code sees their request (details masked), the handling organisation's staff see everything,
 * nobody else sees the applicant. Bad input names each field and stores nothing; floods are refused.
 */
@PlatformTest
@Import(MovableClock.Config.class)
class RequestIntakeTest {

    private static final String ORG = "ycsjyj";
    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    MovableClock clock;
    @Autowired
    UserDetailsService principals;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Each call from an address of its own, so that the per-address limit of one test does not touch another. */
    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String freshAddress() {
        return "10.20." + (ADDRESS.get() / 250) + "." + (ADDRESS.incrementAndGet() % 250 + 1);
    }

    private MockHttpServletRequestBuilder asking(NewRequest body, String address) throws Exception {
        return post("/api/v1/requests").with(from(address)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body));
    }

    private Map<String, String> ask(NewRequest body) throws Exception {
        String out = mvc.perform(asking(body, freshAddress())).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return Map.of("trackingNo", JsonPath.read(out, "$.trackingNo"), "code", JsonPath.read(out, "$.code"));
    }

    private long stored() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM info_request", Long.class);
    }

    @Test
    void anyoneAsksThroughTheApiAndFollowsTheRequestWithTheCode() throws Exception {
        clock.setDate(LocalDate.parse("2026-09-23"));
        NewRequest body = Applicants.person(ORG, "2026年秋季学期义务教育阶段学生资助资金分配表");
        String out = mvc.perform(asking(body, freshAddress()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.trackingNo").value(org.hamcrest.Matchers.startsWith("SQ2026-")))
                .andExpect(jsonPath("$.code").isString())
                .andExpect(jsonPath("$.receivedOn").value("2026-09-23"))
                .andExpect(jsonPath("$.dueOn").value("2026-10-28"))
                .andReturn().getResponse().getContentAsString();
        String no = JsonPath.read(out, "$.trackingNo");
        String code = JsonPath.read(out, "$.code");

        mvc.perform(get("/api/v1/requests/{n}", no).param("code", code.toLowerCase()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RUNNING"))
                .andExpect(jsonPath("$.dueOn").value("2026-10-28"))
                .andExpect(jsonPath("$.history[0].kind").value("RECEIVED"))
                .andExpect(jsonPath("$.applicant.name").value("李示例"))
                // The applicant's own page masks the document number, in case the code has been passed on.
                .andExpect(jsonPath("$.applicant.idNumber").value(org.hamcrest.Matchers.startsWith("**************")))
                .andExpect(jsonPath("$.applicant.phone").value("139****0001"));
        mvc.perform(get("/requests/track").param("no", no).param("code", code))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("办理中")))
                .andExpect(content().string(containsString("2026年10月28日")));
        // The site's own forms post the code, so it never appears in an address.
        mvc.perform(post("/requests/track").with(csrf()).param("no", no).param("code", code))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("办理中")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("code=" + code))));
    }

    @Test
    void badInputNamesEveryFieldInChineseAndStoresNothing() throws Exception {
        String valid = Applicants.idNumber();
        char wrongCheck = valid.charAt(17) == '1' ? '2' : '1';
        NewRequest bad = new NewRequest(ORG, ApplicantKind.NATURAL_PERSON, " ", IdType.RESIDENT_ID,
                valid.substring(0, 17) + wrongCheck, null, "0795-12", "not-an-address", null, "", null, null, false);
        // An unknown code in the JSON is named like a missing one, not refused as unreadable JSON.
        Map<String, Object> carrierPigeon = new java.util.LinkedHashMap<>(json.convertValue(bad, Map.class));
        carrierPigeon.put("preferredForm", "CARRIER_PIGEON");
        long before = stored();
        mvc.perform(post("/api/v1/requests").with(from(freshAddress())).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(carrierPigeon)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("输入有误"))
                .andExpect(jsonPath("$.errors[*].field").value(hasItems("name", "idNumber", "phone", "email",
                        "description", "preferredForm")))
                .andExpect(jsonPath("$.errors[?(@.field == 'idNumber')].message").value(hasItems(
                        containsString("GB 11643"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'phone')].message").value(hasItems(
                        containsString("联系电话"))));
        NewRequest company = new NewRequest(ORG, ApplicantKind.COMMERCIAL, "宜春示例科技有限公司", null,
                "91360900MA35ABCDE1", null, "0795-3201234", null, null, "2026年学校食堂招标结果", null, DeliveryForm.POST,
                false);
        mvc.perform(asking(company, freshAddress()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItems("idNumber", "address")))
                .andExpect(jsonPath("$.errors[?(@.field == 'idNumber')].message").value(hasItems(
                        containsString("统一社会信用代码"))));
        mvc.perform(asking(Applicants.person("nowhere", "某项信息的描述内容"), freshAddress()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("org"));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void nobodyButTheApplicantAndTheHandlingOrganisationReadsTheApplicant() throws Exception {
        NewRequest body = Applicants.person(ORG, "2026年教育局机关车辆购置预算");
        Map<String, String> r = ask(body);
        String no = r.get("trackingNo");
        String otherEditor = Acting.newUser(accounts, "ycsmzj", Role.EDITOR, Role.APPROVER);
        String ownEditor = Acting.newUser(accounts, ORG, Role.EDITOR);

        mvc.perform(get("/api/v1/requests/{n}", no))
                .andExpect(status().isForbidden())
                .andExpect(content().string(not(containsString(body.idNumber()))))
                .andExpect(content().string(not(containsString("李示例"))));
        mvc.perform(get("/api/v1/requests/{n}", no).param("code", "WRONGCODE2"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("申请编号或查询码不正确。"));
        mvc.perform(get("/api/v1/requests/{n}", no).with(httpBasic(otherEditor, Acting.PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("受理机关")))
                .andExpect(content().string(not(containsString(body.idNumber()))));
        mvc.perform(get("/api/v1/requests").param("org", ORG).with(httpBasic(otherEditor, Acting.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/requests/{n}", no).with(user(principals.loadUserByUsername(otherEditor))))
                .andExpect(status().isForbidden())
                .andExpect(content().string(not(containsString(body.idNumber()))));
        mvc.perform(get("/admin/requests/{n}", no).with(user(principals.loadUserByUsername(ownEditor))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(body.idNumber())));
        mvc.perform(get("/requests/track").param("no", no).param("code", "WRONGCODE2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("申请编号或查询码不正确")))
                .andExpect(content().string(not(containsString("李示例"))));

        mvc.perform(get("/api/v1/requests/{n}", no).with(httpBasic(ownEditor, Acting.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applicant.idNumber").value(body.idNumber()))
                .andExpect(jsonPath("$.applicant.phone").value(body.phone()))
                .andExpect(jsonPath("$.monthlyRank").value(1));
        mvc.perform(get("/api/v1/requests").param("org", ORG).with(httpBasic(ownEditor, Acting.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].trackingNo").value(hasItems(no)));
    }

    @Test
    void staffChecksAreByRoleAndOrganisation() throws Exception {
        String no = ask(Applicants.person(ORG, "2026年中小学校舍维修项目清单")).get("trackingNo");
        String editor = Acting.newUser(accounts, ORG, Role.EDITOR);
        String approver = Acting.newUser(accounts, ORG, Role.APPROVER);
        String otherApprover = Acting.newUser(accounts, "ycsmzj", Role.APPROVER);
        String reply = "{\"outcome\":\"PUBLIC\",\"text\":\"项目清单见附件。\"}";
        mvc.perform(post("/api/v1/requests/{n}/reply", no).contentType(MediaType.APPLICATION_JSON).content(reply))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/requests/{n}/reply", no).with(httpBasic(editor, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(reply))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("只有受理机关的分管领导（审批）可以答复。"));
        mvc.perform(post("/api/v1/requests/{n}/reply", no).with(httpBasic(otherApprover, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(reply))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/requests/{n}/reply", no).with(httpBasic(approver, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"MAYBE\",\"text\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItems("outcome", "text")));
        mvc.perform(post("/api/v1/requests/{n}/reply", no).with(httpBasic(approver, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(reply))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.outcome").value("PUBLIC"))
                .andExpect(jsonPath("$.letter").value("/api/v1/requests/" + no + "/letter.pdf"));
        mvc.perform(post("/api/v1/requests/{n}/extension", no).with(httpBasic(approver, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"来不及\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("办结")));
        mvc.perform(get("/api/v1/requests/{n}/letter.pdf", no).with(httpBasic(editor, Acting.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF));
        mvc.perform(get("/api/v1/requests/{n}/letter.pdf", no).with(httpBasic(otherApprover, Acting.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aLostCodeIsReplacedByTheHandlingOfficeAfterCheckingWhoAsks() throws Exception {
        Map<String, String> asked = ask(Applicants.person(ORG, "2026年学校食堂食品安全检查结果"));
        String no = asked.get("trackingNo");
        String editor = Acting.newUser(accounts, ORG, Role.EDITOR);
        String otherEditor = Acting.newUser(accounts, "ycsmzj", Role.EDITOR);
        String verified = "{\"verifiedBy\":\"申请人持居民身份证到市教育局窗口办理\"}";
        mvc.perform(post("/api/v1/requests/{n}/code", no).contentType(MediaType.APPLICATION_JSON).content(verified))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/requests/{n}/code", no).with(httpBasic(otherEditor, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(verified))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/requests/{n}/code", no).with(httpBasic(editor, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"verifiedBy\":\"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("verifiedBy"));
        mvc.perform(get("/api/v1/requests/{n}", no).param("code", asked.get("code"))).andExpect(status().isOk());

        String out = mvc.perform(post("/api/v1/requests/{n}/code", no).with(httpBasic(editor, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(verified))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String fresh = JsonPath.read(out, "$.code");
        assertThat(fresh).hasSize(10).isNotEqualTo(asked.get("code"));
        mvc.perform(get("/api/v1/requests/{n}", no).param("code", asked.get("code"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/requests/{n}", no).param("code", fresh))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.history[*].kind").value(hasItems("CODE_REISSUED")));
    }

    @Test
    void staffEnterAnOrdinaryLetterReceivedOnTheDayItWasConfirmed() throws Exception {
        clock.setDate(LocalDate.parse("2026-11-27"));
        String editor = Acting.newUser(accounts, ORG, Role.EDITOR);
        Map<String, Object> body = new java.util.LinkedHashMap<>(json.convertValue(
                Applicants.person(ORG, "2026年学前教育资助名单的公示情况"), Map.class));
        body.put("channel", "POST_ORDINARY");
        body.put("arrivedOn", "2026-11-20");
        mvc.perform(post("/api/v1/requests").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/requests").with(httpBasic(editor, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("confirmedOn"))
                .andExpect(jsonPath("$.errors[0].message", containsString("第三十一条")));
        body.put("confirmedOn", "2026-11-23");
        // Received Mon 11/23 (the confirmation), not Fri 11/20 (arrival): 11/24–27 (4); 11/30–12/4 (9);
        // 12/7–11 (14); 12/14–18 (19); 12/21 (20).
        mvc.perform(post("/api/v1/requests").with(httpBasic(editor, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.receivedOn").value("2026-11-23"))
                .andExpect(jsonPath("$.dueOn").value("2026-12-21"));
    }

    @Test
    void floodsAreRefusedPerAddressAndPerApplicant() throws Exception {
        String address = freshAddress();
        for (int i = 0; i < 20; i++) {
            mvc.perform(asking(Applicants.person(ORG, "第" + i + "份学校收费标准文件"), address))
                    .andExpect(status().isCreated());
        }
        long before = stored();
        mvc.perform(asking(Applicants.person(ORG, "再一份学校收费标准文件"), address))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail", containsString("申请过多")));
        assertThat(stored()).isEqualTo(before);

        NewRequest same = Applicants.person(ORG, "同一申请人的多份申请");
        for (int i = 0; i < 10; i++) {
            mvc.perform(asking(same, freshAddress())).andExpect(status().isCreated());
        }
        mvc.perform(asking(same, freshAddress()))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail", containsString("同一申请人")));
        mvc.perform(asking(Applicants.person(ORG, "另一位申请人的申请"), freshAddress()))
                .andExpect(status().isCreated());
    }

    @Test
    void guessingQueryCodesIsRefusedAfterTenWrongTries() throws Exception {
        String no = ask(Applicants.person(ORG, "2026年学校安全工作检查结果")).get("trackingNo");
        String address = freshAddress();
        for (int i = 0; i < 10; i++) {
            mvc.perform(get("/api/v1/requests/{n}", no).param("code", "GUESS" + i).with(from(address)))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/v1/requests/{n}", no).param("code", "GUESSAGAIN").with(from(address)))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void theFormAsksASumAndTakesOneAnswerPerQuestion() throws Exception {
        String page = mvc.perform(get("/requests/new")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String token = token(page);
        String answer = answer(page);
        String idNumber = Applicants.idNumber();
        String address = freshAddress();
        long before = stored();

        // A wrong answer spends the question: the form comes back with a new one and says so.
        String again = mvc.perform(form(token, String.valueOf(Integer.parseInt(answer) + 1), idNumber, address))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("验证问题的答案不正确，请回答新的验证问题")))
                .andExpect(content().string(containsString("2026年义务教育学校招生计划")))
                .andReturn().getResponse().getContentAsString();
        assertThat(token(again)).isNotEqualTo(token);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM human_check_answer WHERE nonce = ?", Long.class,
                token.substring(0, token.indexOf('.')))).isEqualTo(1);
        assertThat(stored()).isEqualTo(before);

        // So a script cannot try the sums one after the other: even the right answer is refused on that question.
        mvc.perform(form(token, answer, idNumber, address))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("此验证问题已使用过")));
        assertThat(stored()).isEqualTo(before);

        // The new question, answered right, lets the request through, once.
        mvc.perform(form(token(again), answer(again), idNumber, address))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("申请已提交")))
                .andExpect(content().string(containsString("查询码")));
        assertThat(stored()).isEqualTo(before + 1);
        mvc.perform(form(token(again), answer(again), Applicants.idNumber(), address))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已使用过")));
        assertThat(stored()).isEqualTo(before + 1);
    }

    @Test
    void aForgedTokenIsRefusedWithoutTakingARow() throws Exception {
        String page = mvc.perform(get("/requests/new")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String genuine = token(page);
        String nonce = "0123456789abcdef01234567";
        // The shape of a real token and a fresh time, but a MAC this platform never made for any sum.
        String forged = nonce + genuine.substring(genuine.indexOf('.'), genuine.lastIndexOf('.') + 1)
                + "A".repeat(genuine.length() - genuine.lastIndexOf('.') - 1);
        long before = stored();

        mvc.perform(form(forged, "7", Applicants.idNumber(), freshAddress()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("验证信息无效")));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM human_check_answer WHERE nonce = ?", Long.class, nonce))
                .isZero();
        assertThat(stored()).isEqualTo(before);
    }

    private static String token(String page) {
        return value(page, "name=\"humanCheckToken\" value=\"([^\"]+)\"");
    }

    private static String answer(String page) {
        return String.valueOf(solve(value(page, "请计算：([一二三四五六七八九]加[一二三四五六七八九])等于几")));
    }

    private MockHttpServletRequestBuilder form(String token, String answer, String idNumber, String address) {
        return post("/requests/new").with(csrf()).with(from(address))
                .param("org", ORG).param("applicantType", "NATURAL_PERSON").param("name", "赵示例")
                .param("idType", "RESIDENT_ID").param("idNumber", idNumber).param("phone", "13907950002")
                .param("description", "2026年义务教育学校招生计划").param("preferredForm", "ONLINE")
                .param("humanCheckToken", token).param("humanCheckAnswer", answer);
    }

    private static String value(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }

    private static int solve(String sum) {
        String digits = "零一二三四五六七八九";
        return digits.indexOf(sum.charAt(0)) + digits.indexOf(sum.charAt(2));
    }
}
