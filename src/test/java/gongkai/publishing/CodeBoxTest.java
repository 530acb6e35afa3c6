package gongkai.publishing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import gongkai.support.PlatformTest;
import gongkai.support.Staff;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 查阅码 box (issue 19): a code typed alone, on the home page or at {@code /code}, opens its record exactly as
 * the record's own code form does, and gives a guesser nothing more than that form does.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CodeBoxTest extends PublishingFixture {

    private static final String TITLE = "某村2026年临时救助对象公示（查阅码测试）";
    private static final String OTHER_TITLE = "某村2026年特困供养对象公示（查阅码测试）";
    private String indexNo;
    private String code;
    private String otherIndexNo;

    @BeforeAll
    void publishTwoTargetedRecords() {
        String[] first = publish(TITLE);
        indexNo = first[0];
        code = first[1];
        otherIndexNo = publish(OTHER_TITLE)[0];
    }

    private String[] publish(String title) {
        Staff s = Staff.of("fxxzf");
        RecordInput input = new RecordInput("pa-identification", "fxxzf", "360921", title, "名单",
                null, LocalDate.of(2026, 10, 20), "<p>现将名单公示如下。</p>", List.of("救助"), null,
                "救助对象", null, null,
                List.of(Map.of("户主姓名", "赵大成", "家庭人口", "3", "所在村组", "某村一组", "识别或退出", "识别", "年度", "2026")),
                null, null);
        String ref = as(s.editor(), () -> drafting.create(input));
        as(s.editor(), () -> publishing.submit(ref));
        as(s.reviewer(), () -> publishing.review(ref, Decision.PASS, ""));
        as(s.approver(), () -> publishing.approve(ref, Decision.PASS, "", null, null));
        RecordView view = as(s.editor(), () -> records.view(ref, null));
        return new String[] {view.indexNo(), view.accessCode()};
    }

    private static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    @Test
    void theHomePageAndTheCodePageCarryALabelledBox() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<label for=\"home-code\">")))
                .andExpect(content().string(containsString("action=\"/code\"")));
        mvc.perform(get("/code")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<label for=\"code\">查阅码")));
    }

    @Test
    void theRightCodeAloneLeadsToItsRecordAndOpensIt() throws Exception {
        // Typed as a villager might: lower case, with a space and a hyphen.
        String typed = code.substring(0, 4).toLowerCase() + " -" + code.substring(4);
        String target = mvc.perform(get("/code").param("code", typed).with(from("10.19.0.1")))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        // The address carries the code as printed, whatever was typed: the page can be bookmarked or shared as is.
        assertThat(target).isEqualTo("/records/" + indexNo + "?code=" + code);
        mvc.perform(get(java.net.URI.create(target)).with(from("10.19.0.1"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(TITLE)))
                .andExpect(content().string(containsString("赵*成")))
                .andExpect(content().string(not(containsString("赵大成"))));
    }

    @Test
    void theCodeGrantsThatRecordOnlyNotAnother() throws Exception {
        mvc.perform(get("/code").param("code", code).with(from("10.19.0.2")))
                .andExpect(redirectedUrl("/records/" + indexNo + "?code=" + code));
        mvc.perform(get("/records/{ref}", otherIndexNo).param("code", code).with(from("10.19.0.2")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(not(containsString(OTHER_TITLE))));
    }

    @Test
    void unknownAndWrongCodesGetOneAnswerAndNothingOfAnyRecord() throws Exception {
        // A well-formed code that opens nothing, a malformed one, and the code with one character changed.
        char last = code.charAt(7) == 'Z' ? 'Y' : 'Z';
        for (String typed : List.of("23456789", "not-a-code!", code.substring(0, 7) + last)) {
            String body = mvc.perform(get("/code").param("code", typed).with(from("10.19.0.3")))
                    .andExpect(status().isForbidden())
                    .andReturn().getResponse().getContentAsString();
            assertThat(body).contains(TargetedAccessRequired.WRONG_CODE)
                    .doesNotContain(TITLE, OTHER_TITLE, indexNo, otherIndexNo, "赵");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM targeted_access WHERE remote_addr = '10.19.0.3' "
                + "AND granted = FALSE", Long.class)).isEqualTo(3);
    }

    @Test
    void guessesCountAgainstTheSameLimitAsTheRecordsOwnForm() throws Exception {
        // Five wrong codes on a record's page and five in the box: the limit (10) is reached across both.
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/records/{ref}", indexNo).param("code", "WRONG" + i).with(from("10.19.0.4")))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/code").param("code", "2345678" + (i + 2)).with(from("10.19.0.4")))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/code").param("code", code).with(from("10.19.0.4")))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("查阅码输入错误次数过多")))
                .andExpect(content().string(not(containsString(indexNo))));
        mvc.perform(get("/records/{ref}", indexNo).param("code", code).with(from("10.19.0.4")))
                .andExpect(status().isTooManyRequests());
        // Another address is not affected.
        mvc.perform(get("/code").param("code", code).with(from("10.19.0.5"))).andExpect(status().is3xxRedirection());
    }

    @Test
    void anEmptyBoxAsksForTheCodeAndCountsNothing() throws Exception {
        mvc.perform(get("/code").param("code", "  ").with(from("10.19.0.6"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("请输入公示上的查阅码")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM targeted_access WHERE remote_addr = '10.19.0.6'",
                Long.class)).isZero();
    }
}
