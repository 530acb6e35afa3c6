package gongkai.notify.internal.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import gongkai.notify.ChannelKind;
import gongkai.notify.internal.channel.SendOutcome.Status;
import gongkai.notify.internal.channel.TestHttpServer.Answer;
import gongkai.notify.internal.channel.TestHttpServer.Received;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WeChat channel against a local server that plays WeChat's two endpoints as documented: the token endpoint hands
 * out numbered tokens, and the template endpoint accepts only the latest one, or answers with the errcode a test sets.
 */
class WechatTemplateChannelTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OPENID = "oAbCdEfGhIjKlMnOpQrStUvWxYz1";
    private static final NotifyWechatProperties.Template PUBLISHED = new NotifyWechatProperties.Template(
            "TPL-published-01", List.of("thing1", "thing2", "time3"));

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T08:00:00Z"));
    private final AtomicInteger tokensIssued = new AtomicInteger();
    /** The token WeChat currently accepts; a newer one issued elsewhere makes ours stale. */
    private volatile String validToken;
    private volatile int expiresIn = 7200;
    private volatile String tokenRefusal;
    /** errcodes the template endpoint answers before accepting, one per request. */
    private final Deque<Integer> sendErrors = new ArrayDeque<>();
    private final TestHttpServer wechat;

    WechatTemplateChannelTest() throws IOException {
        wechat = new TestHttpServer(this::answer);
    }

    @AfterEach
    void stop() {
        wechat.close();
    }

    private Answer answer(Received r) {
        if (r.path().equals("/cgi-bin/token") && r.method().equals("GET")) {
            if (tokenRefusal != null) {
                return Answer.of(200, tokenRefusal);
            }
            validToken = "TOKEN-" + tokensIssued.incrementAndGet();
            return Answer.of(200, "{\"access_token\":\"" + validToken + "\",\"expires_in\":" + expiresIn + "}");
        }
        if (r.path().equals("/cgi-bin/message/template/send") && r.method().equals("POST")) {
            if (!("access_token=" + validToken).equals(r.query())) {
                return Answer.of(200, "{\"errcode\":40001,\"errmsg\":\"invalid credential, access_token is invalid"
                        + " or not latest rid: 1\"}");
            }
            Integer errcode;
            synchronized (sendErrors) {
                errcode = sendErrors.poll();
            }
            if (errcode != null) {
                return Answer.of(200, "{\"errcode\":" + errcode + ",\"errmsg\":\"scripted\"}");
            }
            return Answer.of(200, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":200228332}");
        }
        return Answer.of(404, "{\"errcode\":-1}");
    }

    @Test
    void aTemplateMessageCarriesTheOpenidTemplateLinkAndTheFieldsUnderTheTemplatesKeys() {
        SendOutcome outcome = channel().send(message(MessageKinds.RECORD_PUBLISHED));

        assertThat(outcome).isEqualTo(SendOutcome.sent());
        Received token = wechat.received().get(0);
        assertThat(token.path()).isEqualTo("/cgi-bin/token");
        assertThat(token.query()).isEqualTo("grant_type=client_credential&appid=wx1234567890abcdef&secret=S%2Bsecret");
        Received send = wechat.received().get(1);
        assertThat(send.query()).isEqualTo("access_token=TOKEN-1");
        JsonNode body = JSON.readTree(send.body());
        assertThat(List.copyOf(body.propertyNames())).containsExactly("touser", "template_id", "url", "data");
        assertThat(body.get("touser").asString()).isEqualTo(OPENID);
        assertThat(body.get("template_id").asString()).isEqualTo("TPL-published-01");
        assertThat(body.get("url").asString()).isEqualTo("https://gongkai.yichun.example/r/YC-2026-0001234");
        assertThat(List.copyOf(body.get("data").propertyNames())).containsExactly("thing1", "thing2", "time3");
        assertThat(body.get("data").get("thing1").get("value").asString()).isEqualTo("城乡低保对象名单公示");
        assertThat(body.get("data").get("thing2").get("value").asString()).isEqualTo("宜春市民政局");
        assertThat(body.get("data").get("time3").get("value").asString()).isEqualTo("2026年12月7日");
    }

    @Test
    void theTokenIsKeptUntilShortlyBeforeItExpires() {
        WechatTemplateChannel channel = channel();

        channel.send(message(MessageKinds.RECORD_PUBLISHED));
        clock.advance(Duration.ofSeconds(7200 - 301));
        channel.send(message(MessageKinds.RECORD_PUBLISHED));
        assertThat(tokensIssued).hasValue(1);

        clock.advance(Duration.ofSeconds(2));
        assertThat(channel.send(message(MessageKinds.RECORD_PUBLISHED)).status()).isEqualTo(Status.SENT);
        assertThat(tokensIssued).hasValue(2);
        assertThat(wechat.received().get(wechat.received().size() - 1).query()).isEqualTo("access_token=TOKEN-2");
    }

    @Test
    void aTokenWeChatNoLongerAcceptsIsFetchedAgainAndTheMessageSentOnceMore() {
        WechatTemplateChannel channel = channel();
        channel.send(message(MessageKinds.RECORD_PUBLISHED));
        validToken = "TOKEN-issued-to-another-node";

        SendOutcome outcome = channel.send(message(MessageKinds.RECORD_PUBLISHED));

        assertThat(outcome.status()).isEqualTo(Status.SENT);
        assertThat(tokensIssued).hasValue(2);
        assertThat(wechat.received()).extracting(Received::path).containsExactly("/cgi-bin/token",
                "/cgi-bin/message/template/send", "/cgi-bin/message/template/send", "/cgi-bin/token",
                "/cgi-bin/message/template/send");
    }

    @Test
    void aTokenRefusedAgainAfterAFreshOneIsRetriedLaterNotInALoop() {
        WechatTemplateChannel channel = channel();
        synchronized (sendErrors) {
            sendErrors.addAll(List.of(42001, 40014, 42001));
        }

        SendOutcome outcome = channel.send(message(MessageKinds.RECORD_PUBLISHED));

        assertThat(outcome.status()).isEqualTo(Status.RETRY);
        assertThat(outcome.detail()).startsWith("errcode 40014");
        assertThat(wechat.received()).hasSize(4);
    }

    @Test
    void aFollowerWhoLeftOrRefusedOrAnUnknownOpenidIsABounce() {
        WechatTemplateChannel channel = channel();
        for (int errcode : List.of(43004, 40003, 43101)) {
            synchronized (sendErrors) {
                sendErrors.add(errcode);
            }
            SendOutcome outcome = channel.send(message(MessageKinds.RECORD_PUBLISHED));
            assertThat(outcome.status()).as("errcode %d", errcode).isEqualTo(Status.PERMANENT);
            assertThat(outcome.detail()).startsWith("errcode " + errcode);
        }
    }

    @Test
    void aBusySystemOrAnExhaustedQuotaIsRetried() {
        WechatTemplateChannel channel = channel();
        for (int errcode : List.of(-1, 45009)) {
            synchronized (sendErrors) {
                sendErrors.add(errcode);
            }
            assertThat(channel.send(message(MessageKinds.RECORD_PUBLISHED)).status()).as("errcode %d", errcode)
                    .isEqualTo(Status.RETRY);
        }
        assertThat(tokensIssued).hasValue(1);
    }

    @Test
    void aKindWithoutTemplateIsPermanentAndCallsNoOne() {
        SendOutcome outcome = channel().send(message(MessageKinds.WARNING));

        assertThat(outcome.status()).isEqualTo(Status.PERMANENT);
        assertThat(outcome.detail()).isEqualTo("no template for warning");
        assertThat(wechat.received()).isEmpty();
    }

    @Test
    void credentialsWeChatRefusesAreRetriedWithoutSending() {
        tokenRefusal = "{\"errcode\":40125,\"errmsg\":\"invalid appsecret\"}";

        SendOutcome outcome = channel().send(message(MessageKinds.RECORD_PUBLISHED));

        assertThat(outcome.status()).isEqualTo(Status.RETRY);
        assertThat(outcome.detail()).contains("40125");
        assertThat(wechat.received()).extracting(Received::path).containsExactly("/cgi-bin/token");
    }

    @Test
    void withoutAppIdOrAppSecretTheChannelIsNotConfiguredAndSendsNothing() {
        WechatTemplateChannel noSecret = new WechatTemplateChannel(new NotifyWechatProperties(wechat.url(""),
                "wx1234567890abcdef", "", Map.of(MessageKinds.RECORD_PUBLISHED, PUBLISHED), Duration.ofSeconds(2)),
                clock);
        WechatTemplateChannel noId = new WechatTemplateChannel(new NotifyWechatProperties(wechat.url(""), "",
                "S+secret", Map.of(), Duration.ofSeconds(2)), clock);

        assertThat(noSecret.kind()).isEqualTo(ChannelKind.WECHAT);
        assertThat(noSecret.configured()).isFalse();
        assertThat(noId.configured()).isFalse();
        assertThat(noSecret.send(message(MessageKinds.RECORD_PUBLISHED)).status()).isEqualTo(Status.RETRY);
        assertThat(wechat.received()).isEmpty();
        assertThat(channel().configured()).isTrue();
    }

    @Test
    void aThingLongerThanWeChatTakesIsCutAndOtherValuesAreLeftAlone() {
        assertThat(WechatTemplateChannel.fitted("thing1", "关于2026年第四季度城乡低保对象名单的公示"))
                .isEqualTo("关于2026年第四季度城乡低保对象名单…").hasSize(20);
        assertThat(WechatTemplateChannel.fitted("thing1", "城乡低保对象名单公示")).isEqualTo("城乡低保对象名单公示");
        assertThat(WechatTemplateChannel.fitted("character_string2", "关于2026年第四季度城乡低保对象名单的公示"))
                .isEqualTo("关于2026年第四季度城乡低保对象名单的公示");
    }

    private WechatTemplateChannel channel() {
        return new WechatTemplateChannel(new NotifyWechatProperties(wechat.url("/"), "wx1234567890abcdef", "S+secret",
                Map.of(MessageKinds.RECORD_PUBLISHED, PUBLISHED), Duration.ofSeconds(2)), clock);
    }

    private static Outgoing message(String kind) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "城乡低保对象名单公示");
        fields.put("org", "宜春市民政局");
        fields.put("date", "2026年12月7日");
        fields.put("url", "https://gongkai.yichun.example/r/YC-2026-0001234");
        return new Outgoing("d9:" + kind, ChannelKind.WECHAT, OPENID, null, kind, "新的公开信息", "宜春市民政局发布了城乡低保对象名单公示",
                "https://gongkai.yichun.example/r/YC-2026-0001234", null, fields);
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
