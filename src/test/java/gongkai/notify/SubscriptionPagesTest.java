package gongkai.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import gongkai.notify.internal.channel.MessageKinds;
import gongkai.privacy.Masking;
import gongkai.shared.Role;
import gongkai.support.BackOfficeSignIn;

/**
 * The subscription pages as a resident uses them with a phone number (the form, the SMS code, the page every
 * message links to, a mail client's one-click unsubscribe) and the back office's delivery log, which shows
 * addresses masked only.
 */
@NotifyTest
class SubscriptionPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    BackOfficeSignIn signIn;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @Qualifier("recordingSms")
    RecordingChannels.Recording sms;
    @Autowired
    @Qualifier("recordingWechat")
    RecordingChannels.Recording wechat;

    static String mobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    long subscriptions() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notify_subscription", Long.class);
    }

    String page(MockHttpServletRequestBuilder request, int status) throws Exception {
        return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }

    /** Subscribes by SMS through the form; answers the page that asks for the code. */
    String subscribeBySms(String mobile) throws Exception {
        return page(post("/subscribe").with(csrf()).param("channel", "SMS").param("address", mobile)
                .param("domain", "social-assistance").param("region", "360902").param("frequency", "IMMEDIATE"), 200);
    }

    String codeSentTo(String mobile) {
        return sms.await(mobile, o -> MessageKinds.CONFIRM.equals(o.kind())).fields().get("code");
    }

    static String value(String page, String regex) {
        Matcher m = Pattern.compile(regex).matcher(page);
        assertThat(m.find()).as(regex + " in " + page).isTrue();
        return m.group(1);
    }

    @Test
    void theFormOffersTheConfiguredChannelsTheSevenFieldsAndThePreselectedRegion() throws Exception {
        String form = page(get("/subscribe").param("domain", "social-assistance").param("region", "360902"), 200);
        assertThat(form).contains("value=\"SMS\"", "value=\"WECHAT\"").doesNotContain("value=\"EMAIL\"")
                .contains("社会救助和社会福利").contains("灵泉街道");
        assertThat(Pattern.compile("name=\"domain\"").matcher(form).results().count()).isEqualTo(7);
        assertThat(form).containsPattern("value=\"social-assistance\"\\s+checked")
                .containsPattern("value=\"360902\"\\s+selected");
    }

    @Test
    void aBadMobileAndAnUnknownRegionAreNamedInThePageAndNothingIsStored() throws Exception {
        long before = subscriptions();
        String refused = page(post("/subscribe").with(csrf()).param("channel", "SMS").param("address", "1380013")
                .param("domain", "social-assistance").param("region", "999999"), 400);
        assertThat(refused).contains("有2处需要改正，均未保存")
                .containsPattern("id=\"err-address\">手机号码应为11位中国大陆手机号")
                .containsPattern("id=\"err-regions\">没有代码为“999999”的地区")
                // What was typed is shown again, to be corrected.
                .contains("value=\"1380013\"");
        assertThat(subscriptions()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notify_address WHERE address = '1380013'", Long.class))
                .isZero();

        String noChannel = page(post("/subscribe").with(csrf()).param("address", mobile()), 400);
        assertThat(noChannel).contains("id=\"err-channel\">请选择推送方式");
        assertThat(subscriptions()).isEqualTo(before);
    }

    @Test
    void aResidentSubscribesBySmsAndConfirmsWithTheCode() throws Exception {
        String mobile = mobile();
        String sent = subscribeBySms(mobile);
        assertThat(sent).contains("验证码已发送至" + Masking.mobile(mobile)).doesNotContain(mobile);
        String id = value(sent, "action=\"/subscribe/(\\d+)/confirm\"");
        String code = codeSentTo(mobile);
        assertThat(jdbc.queryForObject("SELECT status FROM notify_subscription WHERE id = ?", String.class,
                Long.parseLong(id))).isEqualTo("PENDING");

        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
        assertThat(page(post("/subscribe/{id}/confirm", id).with(csrf()).param("code", wrong), 400))
                .contains("验证码不正确，还可以再试4次").contains("id=\"code-form\"");

        String confirmed = page(post("/subscribe/{id}/confirm", id).with(csrf()).param("code", code), 200);
        assertThat(confirmed).contains("订阅成功").contains("领域：社会救助和社会福利；地区：袁州区")
                .contains(Masking.mobile(mobile)).doesNotContain(mobile);
        String token = value(confirmed, "href=\"/unsubscribe/([^\"]+)\"");
        assertThat(jdbc.queryForObject("SELECT status FROM notify_subscription WHERE id = ?", String.class,
                Long.parseLong(id))).isEqualTo("ACTIVE");

        String manage = page(get("/unsubscribe/{t}", token), 200);
        assertThat(manage).contains("管理订阅", "已生效", "即时推送", Masking.mobile(mobile)).doesNotContain(mobile);
        mvc.perform(post("/unsubscribe/{t}/frequency", token).with(csrf()).param("frequency", "DIGEST"))
                .andExpect(redirectedUrl("/unsubscribe/" + token));
        assertThat(jdbc.queryForObject("SELECT frequency FROM notify_subscription WHERE id = ?", String.class,
                Long.parseLong(id))).isEqualTo("DIGEST");
        // The code is used up: a second try finds nothing to confirm.
        assertThat(page(post("/subscribe/{id}/confirm", id).with(csrf()).param("code", code), 404))
                .contains("没有待确认的该项订阅");
    }

    @Test
    void aMailClientsOneClickPostWithoutCsrfEndsTheSubscription() throws Exception {
        String mobile = mobile();
        String id = value(subscribeBySms(mobile), "action=\"/subscribe/(\\d+)/confirm\"");
        String token = value(page(post("/subscribe/{id}/confirm", id).with(csrf()).param("code", codeSentTo(mobile)),
                200), "href=\"/unsubscribe/([^\"]+)\"");

        // RFC 8058: the body a mail client sends, and no CSRF token.
        String done = page(post("/unsubscribe/{t}", token).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("List-Unsubscribe=One-Click"), 200);
        assertThat(done).contains("已退订");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notify_subscription WHERE id = ?", Long.class,
                Long.parseLong(id))).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notify_address WHERE address = ?", Long.class, mobile))
                .isZero();

        assertThat(page(post("/unsubscribe/{t}", token).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("List-Unsubscribe=One-Click"), 200)).contains("订阅已结束", "该订阅不存在或已退订");
        assertThat(page(get("/unsubscribe/{t}", token), 404)).contains("该订阅不存在或已退订");
        // The frequency form is not exempt from CSRF.
        mvc.perform(post("/unsubscribe/{t}/frequency", token).param("frequency", "DIGEST"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aConfirmationLinkConfirmsOnlyOnAPostAndAnUnknownOneSaysSo() throws Exception {
        String openid = "oTest" + Long.toString(System.nanoTime(), 36) + "abcdefgh";
        String sent = page(post("/subscribe").with(csrf()).param("channel", "WECHAT").param("address", openid)
                .param("item", "sa-recipients").param("frequency", "DIGEST"), 200);
        assertThat(sent).contains("确认链接已发送至").doesNotContain("code-form");
        String url = wechat.await(openid, o -> MessageKinds.CONFIRM.equals(o.kind())).fields().get("url");
        String path = url.substring(url.indexOf("/subscribe/confirm/"));

        // A mail scanner's GET confirms nothing.
        assertThat(page(get(path), 200)).contains("确认订阅").contains("method=\"post\"");
        assertThat(jdbc.queryForObject("SELECT s.status FROM notify_subscription s JOIN notify_address a ON "
                + "a.id = s.address_id WHERE a.address = ?", String.class, openid)).isEqualTo("PENDING");
        String confirmed = page(post(path).with(csrf()), 200);
        assertThat(confirmed).contains("订阅成功", "每日汇总").doesNotContain(openid);
        assertThat(jdbc.queryForObject("SELECT s.status FROM notify_subscription s JOIN notify_address a ON "
                + "a.id = s.address_id WHERE a.address = ?", String.class, openid)).isEqualTo("ACTIVE");
        // Used once: the same link now says it is no longer valid.
        assertThat(page(get(path), 404)).contains("确认链接无效或已过期");

        assertThat(page(get("/subscribe/confirm/{t}", "no-such-token"), 404)).contains("确认链接无效或已过期");
        assertThat(page(post("/subscribe/confirm/{t}", "no-such-token").with(csrf()), 404))
                .contains("确认链接无效或已过期");
    }

    @Test
    void theDeliveryLogShowsAddressesMaskedOnly() throws Exception {
        String mobile = mobile();
        String id = value(subscribeBySms(mobile), "action=\"/subscribe/(\\d+)/confirm\"");
        codeSentTo(mobile);
        // The confirmation was sent: wait until the log records it so.
        for (int i = 0; i < 100 && !jdbc.queryForList("SELECT status FROM notify_delivery WHERE subscription_id = ?",
                String.class, Long.parseLong(id)).contains("SENT"); i++) {
            Thread.sleep(50);
        }

        String city = page(get("/admin/notify").with(signIn.as("admin")), 200);
        assertThat(city).contains("推送记录", "全市各单位", "订阅情况", "最新订阅", "订阅确认", "已送达")
                .contains(Masking.mobile(mobile)).doesNotContain(mobile)
                .contains("href=\"/admin/notify\"");

        String bureau = page(get("/admin/notify").with(signIn.asNew("ycsmzj", Role.EDITOR)), 200);
        assertThat(bureau).contains("宜春市民政局", "推送记录").doesNotContain("最新订阅")
                .doesNotContain(Masking.mobile(mobile)).doesNotContain(mobile);

        assertThat(page(get("/admin/notify").param("from", "2026-12-09").param("to", "2026-12-01")
                .with(signIn.as("admin")), 200)).contains("起始日期不能晚于截止日期");
        assertThat(page(get("/admin/notify").param("from", "昨天").with(signIn.as("admin")), 200))
                .contains("起始日期应为日期");
    }

    /**
     * Subscriptions matched and still waiting in a fan-out's batches show apart, counted for their body only. The
     * batch is written in a transaction left uncommitted, so that the node's senders cannot take it meanwhile (the
     * page is rendered in the test's thread, inside that transaction), and rolled back.
     */
    @Test
    void subscriptionsWaitingInBatchesShowApart(@Autowired PlatformTransactionManager transactions) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            Timestamp now = Timestamp.from(Instant.now());
            jdbc.update("INSERT INTO notify_message (message_key, kind, lane, audience, org_code, subject, text, fields, "
                    + "fanout_status, fanout_cursor, created_at) VALUES ('test:batches', 'record.published', 1, "
                    + "'SUBSCRIBERS', 'ycsmzj', '测试', '测试。', '{}', 'DONE', 0, ?)", now);
            long message = jdbc.queryForObject("SELECT id FROM notify_message WHERE message_key = 'test:batches'",
                    Long.class);
            jdbc.update("INSERT INTO notify_batch (message_id, lane, status, subscriptions, size, created_at) VALUES "
                    + "(?, 1, 'QUEUED', '1,2', 1234, ?)", message, now);
            try {
                assertThat(page(get("/admin/notify").with(signIn.asNew("ycsmzj", Role.EDITOR)), 200))
                        .contains("另有 1,234 个订阅已匹配、排队等候发送");
                assertThat(page(get("/admin/notify").with(signIn.asNew("ycsjyj", Role.EDITOR)), 200))
                        .doesNotContain("另有");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            tx.setRollbackOnly();
        });
    }
}
