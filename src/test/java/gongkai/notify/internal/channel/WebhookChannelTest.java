package gongkai.notify.internal.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import gongkai.notify.ChannelKind;
import gongkai.notify.internal.channel.SendOutcome.Status;
import gongkai.notify.internal.channel.TestHttpServer.Answer;
import gongkai.notify.internal.channel.TestHttpServer.Received;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a subscriber's server receives from the webhook channel (a real HTTP server in the test JVM): the JSON body and
 * a signature it can verify, no redirect followed, how each answer is read, and internal addresses refused.
 */
class WebhookChannelTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "whsec_7f3a9c2e";

    private final AtomicReference<Answer> answer = new AtomicReference<>(Answer.of(204, null));
    private final TestHttpServer receiver;

    WebhookChannelTest() throws IOException {
        receiver = new TestHttpServer(r -> answer.get());
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void theBodyCarriesTheMessageAndTheSignatureVerifiesOverTheExactBytes() throws Exception {
        SendOutcome outcome = local().send(message(receiver.url("/hooks/gongkai"), SECRET));

        assertThat(outcome).isEqualTo(SendOutcome.sent());
        Received r = receiver.received().get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/hooks/gongkai");
        assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(r.header("X-Gongkai-Event")).isEqualTo("record.published");
        assertThat(r.header("X-Gongkai-Delivery")).isEqualTo("d77:record.published");

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(r.header("X-Gongkai-Signature")).isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(r.body())));

        assertThat(r.text()).doesNotContain("\n").doesNotContain(": ");
        JsonNode body = JSON.readTree(r.body());
        assertThat(List.copyOf(body.propertyNames())).containsExactly("event", "deliveryId", "subject", "text", "link",
                "unsubscribe", "data");
        assertThat(body.get("event").asString()).isEqualTo("record.published");
        assertThat(body.get("deliveryId").asString()).isEqualTo("d77:record.published");
        assertThat(body.get("subject").asString()).isEqualTo("宜春市民政局发布：城乡低保对象名单公示");
        assertThat(body.get("text").asString()).isEqualTo("城乡低保对象名单公示\n查看：https://gongkai.yichun.example/r/1");
        assertThat(body.get("link").asString()).isEqualTo("https://gongkai.yichun.example/r/1");
        assertThat(body.get("unsubscribe").asString()).isEqualTo("https://gongkai.yichun.example/u/xyz");
        assertThat(List.copyOf(body.get("data").propertyNames())).containsExactly("title", "org", "url");
        assertThat(body.get("data").get("org").asString()).isEqualTo("宜春市民政局");
    }

    @Test
    void aSignatureMadeWithAnotherSecretDoesNotVerify() throws Exception {
        local().send(message(receiver.url("/h"), SECRET));
        Received r = receiver.received().get(0);

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("another".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(r.header("X-Gongkai-Signature")).isNotEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(r.body())));
    }

    @Test
    void withoutASecretThereIsNoSignatureHeader() {
        assertThat(local().send(message(receiver.url("/h"), null)).status()).isEqualTo(Status.SENT);

        assertThat(receiver.received().get(0).header("X-Gongkai-Signature")).isNull();
    }

    @Test
    void aRedirectIsNotFollowedAndCountsAsRefused() {
        answer.set(new Answer(302, null, Map.of("Location", receiver.url("/elsewhere"))));

        SendOutcome outcome = local().send(message(receiver.url("/h"), SECRET));

        assertThat(outcome.status()).isEqualTo(Status.PERMANENT);
        assertThat(outcome.detail()).contains("302").contains("redirect not followed");
        assertThat(receiver.received()).extracting(Received::path).containsExactly("/h");
    }

    @Test
    void eachAnswerOfTheSubscribersServerHasItsOutcome() {
        WebhookChannel channel = local();
        Map<Integer, Status> expected = new LinkedHashMap<>();
        expected.put(200, Status.SENT);
        expected.put(202, Status.SENT);
        expected.put(204, Status.SENT);
        expected.put(410, Status.PERMANENT);
        expected.put(404, Status.PERMANENT);
        expected.put(400, Status.PERMANENT);
        expected.put(401, Status.PERMANENT);
        expected.put(301, Status.PERMANENT);
        expected.put(429, Status.RETRY);
        expected.put(500, Status.RETRY);
        expected.put(502, Status.RETRY);
        expected.put(503, Status.RETRY);
        expected.forEach((status, outcome) -> {
            answer.set(Answer.of(status, status == 204 || status == 301 ? null : "{\"ok\":true}"));
            assertThat(channel.send(message(receiver.url("/h"), SECRET)).status()).as("HTTP %d", status)
                    .isEqualTo(outcome);
        });
        assertThat(receiver.received()).hasSize(expected.size());
    }

    @Test
    void aServerThatIsDownOrTooSlowIsRetried() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        assertThat(local().send(message("http://127.0.0.1:" + closedPort + "/h", SECRET)).status())
                .isEqualTo(Status.RETRY);

        try (TestHttpServer slow = new TestHttpServer(r -> {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.of(200, null);
        })) {
            WebhookChannel impatient = new WebhookChannel(new NotifyWebhookProperties(Duration.ofMillis(300), true));
            SendOutcome outcome = impatient.send(message(slow.url("/h"), SECRET));
            assertThat(outcome.status()).isEqualTo(Status.RETRY);
            assertThat(outcome.detail()).contains("HttpTimeoutException");
        }
    }

    @Test
    void anInternalAddressIsRefusedForGoodWithoutCallingItUnlessAllowed() {
        WebhookChannel guarded = new WebhookChannel(new NotifyWebhookProperties(Duration.ofSeconds(2), false));

        for (String url : List.of(receiver.url("/h"), receiver.url("/h").replace("127.0.0.1", "localhost"),
                receiver.url("/h").replace("127.0.0.1", "[::1]"))) {
            SendOutcome outcome = guarded.send(message(url, SECRET));
            assertThat(outcome.status()).as(url).isEqualTo(Status.PERMANENT);
            assertThat(outcome.detail()).contains("private");
        }
        assertThat(receiver.received()).isEmpty();
        assertThat(guarded.configured()).isTrue();
        assertThat(guarded.kind()).isEqualTo(ChannelKind.WEBHOOK);

        assertThat(local().send(message(receiver.url("/h"), SECRET)).status()).isEqualTo(Status.SENT);
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aBadAddressIsRefusedForGoodAtSendTime() {
        for (String url : List.of("ftp://example.org/hook", "http://", "http://user:pw@example.org/hook", "")) {
            assertThat(local().send(message(url, SECRET)).status()).as(url).isEqualTo(Status.PERMANENT);
        }
    }

    @Test
    void theSubscriptionFormIsToldWhatIsWrongWithAnAddressInChinese() {
        assertThat(WebhookChannel.problemWith("ftp://example.org/hook")).isEqualTo("Webhook 地址须以 http:// 或 https:// 开头");
        assertThat(WebhookChannel.problemWith("example.org/hook")).isEqualTo("Webhook 地址须以 http:// 或 https:// 开头");
        assertThat(WebhookChannel.problemWith("  ")).isEqualTo("请填写 Webhook 地址");
        assertThat(WebhookChannel.problemWith(null)).isEqualTo("请填写 Webhook 地址");
        assertThat(WebhookChannel.problemWith("https://exa mple.org/")).isEqualTo("Webhook 地址格式不正确");
        assertThat(WebhookChannel.problemWith("https:///hook")).isEqualTo("Webhook 地址缺少有效的主机名");
        assertThat(WebhookChannel.problemWith("https://user:pw@example.org/")).isEqualTo("Webhook 地址不能包含用户名或密码");
        assertThat(WebhookChannel.problemWith("https://example.org/" + "a".repeat(2000))).startsWith("Webhook 地址过长");
        for (String internal : List.of("http://127.0.0.1/h", "http://localhost:8080/h", "http://10.1.2.3/h",
                "http://172.16.0.1/h", "http://172.31.255.254/h", "http://192.168.1.10/h", "http://169.254.169.254/",
                "http://0.0.0.0/", "http://224.0.0.1/", "http://100.64.0.1/", "http://[::1]/", "http://[fd00::1]/",
                "http://[fe80::1]/", "http://[::ffff:10.0.0.1]/", "http://[64:ff9b::a00:1]/",
                "http://[2002:c0a8:0101::1]/")) {
            assertThat(WebhookChannel.problemWith(internal)).as(internal).isEqualTo("Webhook 地址不能指向内网或本机地址");
        }
        assertThat(WebhookChannel.problemWith("http://127.0.0.1/h", true)).isNull();
        assertThat(WebhookChannel.problemWith("https://203.0.113.10/hooks/gongkai")).isNull();
        assertThat(WebhookChannel.problemWith("http://172.32.0.1/h")).isNull();
        assertThat(WebhookChannel.problemWith("https://[2001:db8::1]/h")).isNull();
        assertThat(new WebhookChannel(new NotifyWebhookProperties(Duration.ofSeconds(1), true))
                .problemWithUrl("http://127.0.0.1/h")).isNull();
    }

    @Test
    void publicAddressesAreNotInternal() throws Exception {
        assertThat(WebhookChannel.isInternal(InetAddress.getByName("8.8.8.8"))).isFalse();
        assertThat(WebhookChannel.isInternal(InetAddress.getByName("100.128.0.1"))).isFalse();
        assertThat(WebhookChannel.isInternal(InetAddress.getByName("2400:3200::1"))).isFalse();
    }

    /** A channel allowed to call the receiver on this machine. */
    private static WebhookChannel local() {
        return new WebhookChannel(new NotifyWebhookProperties(Duration.ofSeconds(2), true));
    }

    private static Outgoing message(String url, String secret) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "城乡低保对象名单公示");
        fields.put("org", "宜春市民政局");
        fields.put("url", "https://gongkai.yichun.example/r/1");
        return new Outgoing("d77:record.published", ChannelKind.WEBHOOK, url, secret, "record.published",
                "宜春市民政局发布：城乡低保对象名单公示", "城乡低保对象名单公示\n查看：https://gongkai.yichun.example/r/1",
                "https://gongkai.yichun.example/r/1", "https://gongkai.yichun.example/u/xyz", fields);
    }
}
