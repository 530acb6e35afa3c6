package gongkai.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import gongkai.shared.Role;
import gongkai.support.BackOfficeSignIn;
import gongkai.support.PlatformTest;

/**
 * The complaint pages as a resident and a clerk use them: the public form with its human question, the receipt with
 * the number and code, following the complaint with them, and the back-office desk where the body answers it.
 */
@PlatformTest
class ComplaintPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    BackOfficeSignIn signIn;
    @Autowired
    JdbcTemplate jdbc;

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    String address = "10.250." + Math.abs(UUID.randomUUID().hashCode() % 250) + "." + Math.abs(
            UUID.randomUUID().hashCode() % 250);

    String formPage() throws Exception {
        return mvc.perform(get("/complaints/new")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    String submit(String subject, String description, String phone, boolean rightAnswer) throws Exception {
        String page = formPage();
        return mvc.perform(post("/complaints/new").with(csrf()).with(from(address)).param("org", "ycsmzj")
                .param("category", "NOT_DISCLOSED").param("subject", subject).param("description", description)
                .param("name", "赵六").param("phone", phone).param("humanCheckToken", token(page))
                .param("humanCheckAnswer", rightAnswer ? answer(page) : "99")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void aResidentReportsAMissingListFollowsItWithTheCodeAndReadsTheAnswer() throws Exception {
        String subject = "CP-低保名单-" + UUID.randomUUID();
        String received = submit(subject, "示例村本年度低保名单没有张榜公示", "13812345678", true);
        assertThat(received).contains("投诉举报已收到");
        String no = value(received, "id=\"tracking-no\">([^<]+)<");
        String code = value(received, "id=\"code\">([^<]+)<");

        String tracked = mvc.perform(post("/complaints/track").with(csrf()).with(from(address))
                .param("trackingNo", no.toLowerCase()).param("code", code)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(tracked).contains(subject).contains("办理中").contains("宜春市民政局").contains("13812345678");

        // The body's clerk sees it in the inbox and answers it in the back office.
        var clerk = signIn.asNew("ycsmzj", Role.EDITOR);
        assertThat(mvc.perform(get("/admin/complaints").with(clerk)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains(no).contains("href=\"/admin/complaints\"");
        assertThat(mvc.perform(get("/admin/complaints/{no}", no).with(clerk)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("reply-form").contains("13812345678");
        String refused = mvc.perform(post("/admin/complaints/{no}/reply", no).with(clerk).with(csrf())
                .param("text", "已张榜公示")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("请选择投诉举报是否属实");
        mvc.perform(post("/admin/complaints/{no}/reply", no).with(clerk).with(csrf()).param("text", "已责成乡镇张榜公示")
                .param("substantiated", "true")).andExpect(redirectedUrl("/admin/complaints/" + no));

        String answered = mvc.perform(post("/complaints/track").with(csrf()).with(from(address))
                .param("trackingNo", no).param("code", code)).andReturn().getResponse().getContentAsString();
        assertThat(answered).contains("已答复").contains("经核查，投诉举报属实。已责成乡镇张榜公示").contains("督查整改问题");

        String wrong = mvc.perform(post("/complaints/track").with(csrf()).with(from(address))
                .param("trackingNo", no).param("code", "WRONG23456")).andReturn().getResponse().getContentAsString();
        assertThat(wrong).contains(Complaints.TRACK_FAILED).doesNotContain(subject);
    }

    @Test
    void theFormRefusesAWrongAnswerAnEmptyDescriptionAndABadPhoneStoringNothing() throws Exception {
        String subject = "CP-bad-" + UUID.randomUUID();
        assertThat(submit(subject, "内容", "13812345678", false)).contains("complaint-form");
        String empty = submit(subject, "  ", "13812345678", true);
        assertThat(empty).contains("请填写投诉举报的具体内容").contains("id=\"err-description\"");
        String phone = submit(subject, "内容", "1234", true);
        assertThat(phone).contains("id=\"err-phone\"").contains("联系电话“1234”格式不正确");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint WHERE subject = ?", Long.class, subject))
                .isZero();
    }

    @Test
    void aClerkEntersALetterAndTheCityOfficeTransfersIt() throws Exception {
        String subject = "CP-letter-" + UUID.randomUUID();
        var city = signIn.asNew("ycszfb", Role.EDITOR);
        String location = mvc.perform(post("/admin/complaints/new").with(city).with(csrf()).param("channel", "LETTER")
                .param("receivedOn", "2026-11-02").param("category", "WRONG_CONTENT").param("subject", subject)
                .param("description", "招生简章日期有误")).andExpect(status().is3xxRedirection()).andReturn()
                .getResponse().getRedirectedUrl();
        String no = location.substring(location.lastIndexOf('/') + 1);
        mvc.perform(post("/admin/complaints/{no}/transfer", no).with(city).with(csrf()).param("org", "ycsjyj")
                .param("reason", "由市教育局发布")).andExpect(redirectedUrl("/admin/complaints"));
        String page = mvc.perform(get("/admin/complaints/{no}", no).with(signIn.asNew("ycsjyj", Role.APPROVER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("宜春市教育局").contains("由市教育局发布").contains("来信").contains("reply-form");
    }

    @Test
    void theStatisticsPageNeedsNoSignIn() throws Exception {
        mvc.perform(get("/complaints/statistics")).andExpect(status().isOk());
        mvc.perform(get("/complaints/statistics").param("year", "1900")).andExpect(status().isBadRequest());
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
