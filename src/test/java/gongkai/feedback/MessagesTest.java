package gongkai.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.Role;
import gongkai.shared.TooManyRequestsProblem;
import gongkai.support.Acting;
import gongkai.support.BackOfficeSignIn;
import gongkai.support.PlatformTest;

/**
 * 咨询留言: asking on the form and the API, following a question with its code, the body's answer and review, what the
 * public sees (never the asker, never a private question, personal data only masked), who of the staff may read and
 * do what, bad input, floods, FAQ entries on a catalogue item's page and the counts per body.
 */
@PlatformTest
class MessagesTest {

    static final String ORG = "ycsmzj";
    static final String OTHER = "ycsjyj";
    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    @Autowired
    Messages messages;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BackOfficeSignIn signIn;

    final Actor editor = Acting.actor(ORG, Role.EDITOR);
    final Actor reviewer = Acting.actor(ORG, Role.REVIEWER);
    final Actor otherEditor = Acting.actor(OTHER, Role.EDITOR, Role.REVIEWER);

    /** Each question from an address of its own, so that the flood limit stays out of the way of other tests. */
    static <T> T fromNewAddress(Supplier<T> work) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.44.1." + ADDRESS.getAndIncrement());
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            return work.get();
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    MessageReceipt ask(String subject, String question, boolean keepPrivate) {
        return fromNewAddress(() -> messages.ask(new NewMessage(ORG, subject, question, "测试留言人张三", "13907951234",
                "zhangsan@example.com", keepPrivate)));
    }

    long id(MessageReceipt r) {
        return jdbc.queryForObject("SELECT id FROM message WHERE tracking_no = ?", Long.class, r.trackingNo());
    }

    long rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM message", Long.class);
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void aResidentAsksOnTheFormFollowsWithTheCodeAndReadsThePublishedAnswerWithoutTheirNameOrContact()
            throws Exception {
        String address = "10.44.2.1";
        String form = mvc.perform(get("/messages/new").with(from(address))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        String receipt = mvc.perform(post("/messages/new").with(csrf()).with(from(address)).param("org", ORG)
                .param("subject", "MT表单：低保名单何时公示").param("question", "MT表单：本村今年的低保名单什么时候张贴？")
                .param("name", "MT李四").param("phone", "0795-3201234")
                .param("humanCheckToken", token(form)).param("humanCheckAnswer", answer(form)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String no = value(receipt, "id=\"tracking-no\">(LY\\d{4}-\\d{6})<");
        String code = value(receipt, "<code>([A-Z0-9]{10})</code>");
        assertThat(receipt).contains("答复期限");

        String tracked = mvc.perform(post("/messages/track").with(csrf()).with(from(address)).param("trackingNo", no)
                .param("code", code.toLowerCase())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(tracked).contains("办理中").contains("MT表单：本村今年的低保名单什么时候张贴？");

        long id = jdbc.queryForObject("SELECT id FROM message WHERE tracking_no = ?", Long.class, no);
        messages.answer(id, "MT答复：每月10日前在村务公开栏张贴。", editor);
        assertThat(messages.published(ORG, "MT表单")).isEmpty();
        Message released = messages.review(id, "PUBLISH", null, reviewer);
        assertThat(released.status()).isEqualTo(MessageStatus.ANSWERED);
        assertThat(released.published()).isTrue();

        String list = mvc.perform(get("/messages").param("q", "MT表单")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(list).contains("MT表单：低保名单何时公示").contains("MT答复：每月10日前在村务公开栏张贴。")
                .doesNotContain("MT李四").doesNotContain("3201234");
        mvc.perform(get("/api/v1/messages/" + no).param("code", code)).andExpect(status().isOk())
                .andExpect(jsonPath("$.answer").value("MT答复：每月10日前在村务公开栏张贴。"))
                .andExpect(jsonPath("$.published").value(true));
        String api = mvc.perform(get("/api/v1/messages").param("q", "MT表单")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(api).contains(no).doesNotContain("MT李四").doesNotContain("3201234");
    }

    @Test
    void theApiTakesAQuestionAndAWrongCodeTellsNothing() throws Exception {
        String address = "10.44.3.1";
        String body = mvc.perform(post("/api/v1/messages").with(from(address)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"org\":\"" + ORG + "\",\"subject\":\"MT接口提问\",\"question\":\"MT接口：问题\","
                        + "\"name\":\"MT王五\",\"email\":\"wangwu@example.com\",\"keepPrivate\":true}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.trackingNo").isString())
                .andExpect(jsonPath("$.code").isString()).andReturn().getResponse().getContentAsString();
        String no = value(body, "\"trackingNo\":\"([^\"]+)\"");
        mvc.perform(get("/api/v1/messages/" + no).with(from(address)).param("code", "WRONGCODE2"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(Messages.LOOKUP_FAILED));
        mvc.perform(get("/api/v1/messages/LY1999-999999").with(from(address)).param("code", "WRONGCODE2"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(Messages.LOOKUP_FAILED));
    }

    @Test
    void aQuestionTheAskerWantsPrivateIsNeverPublishedButTheAskerReadsTheAnswer() {
        MessageReceipt r = ask("MT私密：家庭困难", "MT私密：我家的情况能否申请救助？", true);
        long id = id(r);
        messages.answer(id, "MT私密答复：可以申请。", editor);
        assertThatThrownBy(() -> messages.review(id, "PUBLISH", null, reviewer))
                .isInstanceOf(InvalidInputProblem.class).hasMessageContaining("留言人要求不公开");
        assertThatThrownBy(() -> messages.review(id, "PUBLISH_MASKED", null, reviewer))
                .hasMessageContaining("留言人要求不公开");
        assertThat(messages.message(id, reviewer).status()).isEqualTo(MessageStatus.DRAFTED);
        Message m = messages.review(id, "KEEP_PRIVATE", null, reviewer);
        assertThat(m.published()).isFalse();
        assertThat(messages.published(null, "MT私密")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE id = ? AND public_question IS NULL",
                Integer.class, id)).isEqualTo(1);
        assertThatThrownBy(() -> messages.promote(id, "sa-recipients", reviewer))
                .isInstanceOf(AccessDeniedProblem.class).hasMessageContaining("只有已公开的留言");
        TrackedMessage t = fromNewAddress(() -> messages.track(r.trackingNo(), r.code()));
        assertThat(t.answer()).isEqualTo("MT私密答复：可以申请。");
        assertThat(t.published()).isFalse();
    }

    @Test
    void personalDataFoundByTheGuardIsShownToTheReviewerAndOnlyEverPublishedMasked() {
        long id = id(ask("MT隐私：救助进度", "MT隐私：我的手机13907951234，身份证不便提供，想问进度。", false));
        messages.answer(id, "MT隐私答复：已受理，将致电13907951234告知。", editor);
        Message m = messages.message(id, reviewer);
        assertThat(messages.findings(m)).extracting(f -> f.where()).containsExactly("咨询内容", "答复");
        assertThatThrownBy(() -> messages.review(id, "PUBLISH", null, reviewer))
                .isInstanceOf(InvalidInputProblem.class).hasMessageContaining("不能原样公开")
                .hasMessageContaining("139****1234");
        assertThat(messages.published(null, "MT隐私")).isEmpty();
        messages.review(id, "PUBLISH_MASKED", null, reviewer);
        PublishedMessage p = messages.published(null, "MT隐私").get(0);
        assertThat(p.question()).contains("139****1234").doesNotContain("13907951234");
        assertThat(p.answer()).contains("139****1234").doesNotContain("13907951234");
    }

    @Test
    void anotherBodysStaffCannotReadTheAskersContactNorActOnTheQuestion() throws Exception {
        long id = id(ask("MT他单位", "MT他单位：问题", false));
        assertThatThrownBy(() -> messages.message(id, otherEditor)).isInstanceOf(AccessDeniedProblem.class)
                .hasMessageContaining("只有被咨询单位的工作人员");
        assertThat(messages.inbox(otherEditor)).extracting(Message::id).doesNotContain(id);
        assertThat(messages.inbox(editor)).extracting(Message::id).contains(id);
        assertThatThrownBy(() -> messages.answer(id, "MT越权答复", otherEditor)).isInstanceOf(AccessDeniedProblem.class);
        assertThatThrownBy(() -> messages.inbox(Actor.resident("mt-resident", "360902")))
                .isInstanceOf(AccessDeniedProblem.class);

        String otherPage = mvc.perform(get("/admin/messages/" + id).with(signIn.asNew(OTHER, Role.EDITOR)))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
        assertThat(otherPage).doesNotContain("测试留言人张三").doesNotContain("13907951234");
        mvc.perform(get("/admin/messages/" + id)).andExpect(status().is3xxRedirection());
        String ownPage = mvc.perform(get("/admin/messages/" + id).with(signIn.asNew(ORG, Role.EDITOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(ownPage).contains("测试留言人张三").contains("13907951234").contains("撰写答复");
    }

    @Test
    void theAnswerIsReviewedByAReviewerOrApproverOtherThanItsWriterAndMayBeReturned() {
        long id = id(ask("MT审核", "MT审核：问题", false));
        assertThatThrownBy(() -> messages.review(id, "PUBLISH", null, reviewer)).hasMessageContaining("尚未撰写答复");
        assertThatThrownBy(() -> messages.answer(id, "MT答复", reviewer)).hasMessageContaining("只有被咨询单位的信息员");
        Actor both = Acting.actor(ORG, Role.EDITOR, Role.REVIEWER);
        messages.answer(id, "MT审核答复初稿", both);
        assertThatThrownBy(() -> messages.review(id, "PUBLISH", null, both)).hasMessageContaining("撰写人以外");
        assertThatThrownBy(() -> messages.review(id, "PUBLISH", null, editor)).hasMessageContaining("审核员或审批人");
        assertThatThrownBy(() -> messages.review(id, "MAYBE", null, reviewer)).isInstanceOfSatisfying(
                InvalidInputProblem.class, p -> assertThat(p.errors().get(0).field()).isEqualTo("decision"));
        assertThatThrownBy(() -> messages.review(id, "RETURN", " ", reviewer)).hasMessageContaining("写明需要修改");
        Message returned = messages.review(id, "RETURN", "MT请补充依据", reviewer);
        assertThat(returned.status()).isEqualTo(MessageStatus.RECEIVED);
        assertThat(returned.reviewNote()).isEqualTo("MT请补充依据");
        messages.answer(id, "MT审核答复修改稿", editor);
        Message released = messages.review(id, "PUBLISH", null, Acting.actor(ORG, Role.APPROVER));
        assertThat(released.status()).isEqualTo(MessageStatus.ANSWERED);
        assertThat(released.answer()).isEqualTo("MT审核答复修改稿");
        assertThatThrownBy(() -> messages.answer(id, "MT再改", editor)).hasMessageContaining("不能再修改答复");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndStoresNothing() throws Exception {
        long before = rows();
        assertThatThrownBy(() -> fromNewAddress(() -> messages.ask(new NewMessage(ORG, "MT坏", " ", "MT", "abc123",
                "not-an-email", false)))).isInstanceOfSatisfying(InvalidInputProblem.class, p -> assertThat(p.errors())
                        .extracting(InvalidInputProblem.FieldError::field).containsExactly("question", "phone", "email"));
        assertThatThrownBy(() -> fromNewAddress(() -> messages.ask(new NewMessage("nosuch", "MT坏", "MT坏问题", "MT",
                null, null, false)))).isInstanceOfSatisfying(InvalidInputProblem.class, p -> assertThat(p.errors())
                        .extracting(InvalidInputProblem.FieldError::field).containsExactly("org", "phone"));
        assertThatThrownBy(() -> fromNewAddress(() -> messages.ask(new NewMessage(ORG, "标".repeat(101), "MT问题",
                "MT", "13907951234", null, false)))).hasMessageContaining("留言标题不能超过100个字");
        mvc.perform(post("/api/v1/messages").with(from("10.44.4.1")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"org\":\"" + ORG + "\",\"subject\":\"MT\",\"question\":\"MT\",\"name\":\"MT\","
                        + "\"phone\":\"abc123\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("phone"));
        String page = mvc.perform(post("/messages/new").with(csrf()).with(from("10.44.4.2")).param("org", ORG)
                .param("subject", "MT表单坏").param("question", "MT").param("name", "MT").param("phone", "13907951234")
                .param("humanCheckToken", "forged").param("humanCheckAnswer", "3"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("MT表单坏");
        long id = id(ask("MT坏答复", "MT坏答复：问题", false));
        assertThatThrownBy(() -> messages.answer(id, "  ", editor)).hasMessageContaining("请填写答复内容");
        assertThat(rows()).isEqualTo(before + 1);
    }

    @Test
    void floodsOfQuestionsAndOfLookUpsFromOneAddressAreRefused() throws Exception {
        String address = "10.44.5.1";
        String json = "{\"org\":\"" + ORG + "\",\"subject\":\"MT洪水\",\"question\":\"MT洪水：问题\",\"name\":\"MT\","
                + "\"phone\":\"13907951234\"}";
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/api/v1/messages").with(from(address)).contentType(MediaType.APPLICATION_JSON)
                    .content(json)).andExpect(status().isCreated());
        }
        long before = rows();
        mvc.perform(post("/api/v1/messages").with(from(address)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("提交的留言过多")));
        assertThat(rows()).isEqualTo(before);
        mvc.perform(post("/api/v1/messages").with(from("10.44.5.2")).contentType(MediaType.APPLICATION_JSON)
                .content(json)).andExpect(status().isCreated());

        String lookups = "10.44.5.3";
        for (int i = 0; i < 10; i++) {
            mvc.perform(post("/messages/track").with(csrf()).with(from(lookups)).param("trackingNo", "LY2026-000001")
                    .param("code", "GUESS" + i)).andExpect(status().isOk());
        }
        String refused = mvc.perform(post("/messages/track").with(csrf()).with(from(lookups))
                .param("trackingNo", "LY2026-000001").param("code", "GUESS")).andExpect(status().isTooManyRequests())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("查询留言的次数过多");
        MockHttpServletRequest r = new MockHttpServletRequest();
        r.setRemoteAddr(lookups);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(r));
        try {
            assertThatThrownBy(() -> messages.track("LY2026-000001", "X")).isInstanceOf(TooManyRequestsProblem.class);
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    @Test
    void aPublishedQuestionPromotedToAFaqShowsOnItsCatalogueItemsPage() throws Exception {
        long id = id(ask("MT常见问题：补贴发放时间", "MT常见问题：救助金每月几号发放？", false));
        messages.answer(id, "MT常见问题答复：每月10日前发放。", editor);
        assertThatThrownBy(() -> messages.promote(id, "sa-recipients", reviewer)).hasMessageContaining("只有已公开的留言");
        messages.review(id, "PUBLISH", null, reviewer);
        mvc.perform(get("/catalog/sa-funds")).andExpect(status().isOk());
        assertThatThrownBy(() -> messages.promote(id, "no-such-item", reviewer)).isInstanceOfSatisfying(
                InvalidInputProblem.class, p -> assertThat(p.errors().get(0).field()).isEqualTo("item"));
        assertThatThrownBy(() -> messages.promote(id, "sa-funds", editor)).isInstanceOf(AccessDeniedProblem.class);
        messages.promote(id, "sa-funds", reviewer);
        String page = mvc.perform(get("/catalog/sa-funds")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("常见问题").contains("MT常见问题：补贴发放时间").contains("MT常见问题答复：每月10日前发放。")
                .doesNotContain("测试留言人张三");
        assertThat(messages.faq("sa-funds")).extracting(PublishedMessage::subject).contains("MT常见问题：补贴发放时间");
        messages.promote(id, "", reviewer);
        assertThat(mvc.perform(get("/catalog/sa-funds")).andReturn().getResponse().getContentAsString())
                .doesNotContain("MT常见问题：补贴发放时间");
    }

    @Test
    void theListFiltersByBodyAndTextAndCountsEachBodysQuestions() throws Exception {
        MessageCounts before = counts(OTHER);
        MessageReceipt r = fromNewAddress(() -> messages.ask(new NewMessage(OTHER, "MT计数：入学", "MT计数：划片？",
                "MT", "13907951234", null, false)));
        fromNewAddress(() -> messages.ask(new NewMessage(OTHER, "MT计数：未答", "MT计数：未答？", "MT", "13907951234",
                null, false)));
        long id = id(r);
        messages.answer(id, "MT计数答复：六月公布。", Acting.actor(OTHER, Role.EDITOR));
        messages.review(id, "PUBLISH", null, Acting.actor(OTHER, Role.REVIEWER));
        MessageCounts after = counts(OTHER);
        assertThat(after.received()).isEqualTo(before.received() + 2);
        assertThat(after.answered()).isEqualTo(before.answered() + 1);
        assertThat(after.answeredOnTime()).isEqualTo(before.answeredOnTime() + 1);
        assertThat(messages.published(OTHER, "六月公布")).extracting(PublishedMessage::subject)
                .containsExactly("MT计数：入学");
        assertThat(messages.published(ORG, "六月公布")).isEmpty();
        assertThat(messages.published(null, "100%")).isEmpty();
        String page = mvc.perform(get("/messages").param("org", OTHER)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("MT计数：入学").contains("各单位留言办理情况").doesNotContain("MT计数：未答");
    }

    @Test
    void theBodysStaffAnswerReviewWithThePrivacyFindingsAndPromoteInTheBackOffice() throws Exception {
        MessageReceipt r = ask("MT后台：申请进度", "MT后台：我的电话13907951234，请告知进度。", false);
        long id = id(r);
        RequestPostProcessor clerk = signIn.asNew(ORG, Role.EDITOR);
        RequestPostProcessor chief = signIn.asNew(ORG, Role.REVIEWER);
        assertThat(mvc.perform(get("/admin/messages").with(clerk)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains(r.trackingNo()).contains("咨询留言");
        mvc.perform(post("/admin/messages/" + id + "/answer").with(csrf()).with(clerk).param("answer", " "))
                .andExpect(status().isOk());
        assertThat(messages.message(id, editor).status()).isEqualTo(MessageStatus.RECEIVED);
        mvc.perform(post("/admin/messages/" + id + "/answer").with(csrf()).with(clerk).param("answer",
                "MT后台答复：正在审核。")).andExpect(status().is3xxRedirection());
        String review = mvc.perform(get("/admin/messages/" + id).with(chief)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(review).contains("审核答复").contains("个人信息检查发现").contains("139****1234")
                .doesNotContain("撰写答复");
        String refused = mvc.perform(post("/admin/messages/" + id + "/review").with(csrf()).with(chief)
                .param("decision", "PUBLISH")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(refused).contains("不能原样公开");
        assertThat(messages.published(ORG, "MT后台")).isEmpty();
        mvc.perform(post("/admin/messages/" + id + "/review").with(csrf()).with(chief).param("decision",
                "PUBLISH_MASKED")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/messages/" + id + "/faq").with(csrf()).with(clerk).param("item", "sa-policy"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/messages/" + id + "/faq").with(csrf()).with(chief).param("item", "sa-policy"))
                .andExpect(status().is3xxRedirection());
        assertThat(messages.faq("sa-policy")).extracting(PublishedMessage::question)
                .containsExactly("MT后台：我的电话139****1234，请告知进度。");
    }

    private MessageCounts counts(String org) {
        return messages.counts().stream().filter(c -> c.orgCode().equals(org)).findFirst()
                .orElse(new MessageCounts(org, org, 0, 0, 0));
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
