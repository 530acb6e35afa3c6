package gongkai.notify.internal.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an SMS gateway receives from the SMS channel (a real HTTP server in the test JVM): the JSON body, free text or
 * template, the signature as the gateway would check it, and how each answer is read.
 */
class SmsGatewayChannelTest {

    private static final String SECRET = "s3cr3t-不要外传";
    private static final Instant NOW = Instant.parse("2026-12-07T08:30:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AtomicReference<Answer> answer = new AtomicReference<>(Answer.of(200, "{\"code\":\"OK\",\"message\":\"成功\"}"));
    private final TestHttpServer gateway;

    SmsGatewayChannelTest() throws IOException {
        gateway = new TestHttpServer(r -> answer.get());
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void aKindWithoutTemplateGoesAsFreeTextWithTheSignNameAndTheDeliveryKeyAsRequestId() {
        SendOutcome outcome = channel(true, Map.of()).send(message("d1:warning", MessageKinds.WARNING));

        assertThat(outcome).isEqualTo(SendOutcome.sent());
        TestHttpServer.Received r = gateway.received().get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/api/sms/send");
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode body = JSON.readTree(r.body());
        assertThat(names(body)).containsExactly("phone", "signName", "content", "requestId");
        assertThat(body.get("phone").asString()).isEqualTo("13800138000");
        assertThat(body.get("signName").asString()).isEqualTo("宜春市政务公开");
        assertThat(body.get("content").asString()).isEqualTo("【预警】宜春市气象台发布暴雨橙色预警，详见 https://g.example/w/1");
        assertThat(body.get("requestId").asString()).isEqualTo("d1:warning");
    }

    @Test
    void aKindWithTemplateGoesAsTemplateCodeAndTheFieldsInOrder() {
        SendOutcome outcome = channel(true, Map.of(MessageKinds.WARNING, "SMS_2026_WARN"))
                .send(message("d2:warning", MessageKinds.WARNING));

        assertThat(outcome.status()).isEqualTo(Status.SENT);
        JsonNode body = JSON.readTree(gateway.received().get(0).body());
        assertThat(names(body)).containsExactly("phone", "signName", "templateCode", "templateParams", "requestId");
        assertThat(body.get("templateCode").asString()).isEqualTo("SMS_2026_WARN");
        assertThat(names(body.get("templateParams"))).containsExactly("headline", "level", "url");
        assertThat(body.get("templateParams").get("headline").asString()).isEqualTo("暴雨橙色预警");
        assertThat(body.has("content")).isFalse();
    }

    @Test
    void aSignedRequestCarriesASignatureTheGatewayCanRecompute() throws Exception {
        channel(true, Map.of()).send(message("d3:warning", MessageKinds.WARNING));

        TestHttpServer.Received r = gateway.received().get(0);
        assertThat(r.header("X-Access-Key")).isEqualTo("AK-yichun");
        assertThat(r.header("X-Timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(r.header("X-Nonce")).isNotBlank();
        String canonical = "POST\n/api/sms/send\n" + r.header("X-Timestamp") + "\n" + r.header("X-Nonce") + "\n"
                + HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(r.body()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.header("X-Signature")).isEqualTo(expected);

        channel(true, Map.of()).send(message("d3:warning", MessageKinds.WARNING));
        assertThat(gateway.received().get(1).header("X-Nonce")).isNotEqualTo(r.header("X-Nonce"));
    }

    @Test
    void anUnsignedGatewayGetsNoSignatureHeaders() {
        channel(false, Map.of()).send(message("d4:warning", MessageKinds.WARNING));

        TestHttpServer.Received r = gateway.received().get(0);
        assertThat(r.header("X-Signature")).isNull();
        assertThat(r.header("X-Access-Key")).isNull();
    }

    @Test
    void eachAnswerOfTheGatewayHasItsOutcome() {
        SmsGatewayChannel channel = channel(true, Map.of());
        assertThat(outcomeOf(channel, 200, "{\"code\":\"OK\"}")).isEqualTo(Status.SENT);
        assertThat(outcomeOf(channel, 200, "{\"code\":\"INVALID_PHONE\",\"message\":\"号码无效\"}"))
                .isEqualTo(Status.PERMANENT);
        assertThat(outcomeOf(channel, 200, "{\"code\":\"BLACKLISTED\"}")).isEqualTo(Status.PERMANENT);
        assertThat(outcomeOf(channel, 200, "{\"code\":\"QUOTA_EXCEEDED\"}")).isEqualTo(Status.RETRY);
        assertThat(outcomeOf(channel, 200, "not json")).isEqualTo(Status.RETRY);
        assertThat(outcomeOf(channel, 400, "{\"code\":\"INVALID_PHONE\"}")).isEqualTo(Status.PERMANENT);
        assertThat(outcomeOf(channel, 403, "{\"code\":\"SIGNATURE_MISMATCH\"}")).isEqualTo(Status.RETRY);
        assertThat(outcomeOf(channel, 429, "{\"code\":\"INVALID_PHONE\"}")).isEqualTo(Status.RETRY);
        assertThat(outcomeOf(channel, 500, "{\"code\":\"OK\"}")).isEqualTo(Status.RETRY);
        assertThat(outcomeOf(channel, 503, null)).isEqualTo(Status.RETRY);
        assertThat(gateway.received()).hasSize(10);
    }

    @Test
    void theOkCodeAndThePermanentCodesAreTheGatewaysOwn() {
        SmsGatewayChannel channel = new SmsGatewayChannel(new NotifySmsProperties(gateway.url("/api/sms/send"),
                "AK-yichun", SECRET, "宜春市政务公开", true, Map.of(), Duration.ofSeconds(2), "0", List.of("15")),
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(outcomeOf(channel, 200, "{\"code\":0}")).isEqualTo(Status.SENT);
        assertThat(outcomeOf(channel, 200, "{\"code\":\"OK\"}")).isEqualTo(Status.RETRY);
        assertThat(outcomeOf(channel, 200, "{\"code\":15}")).isEqualTo(Status.PERMANENT);
    }

    @Test
    void aPermanentRefusalIsLoggedAndReportedWithoutTheFullNumber() {
        answer.set(Answer.of(200, "{\"code\":\"INVALID_PHONE\",\"message\":\"号码 13800138000 无效\"}"));

        SendOutcome outcome = channel(true, Map.of()).send(message("d5", MessageKinds.WARNING));

        assertThat(outcome.status()).isEqualTo(Status.PERMANENT);
        assertThat(outcome.detail()).contains("INVALID_PHONE").contains("138***00").doesNotContain("13800138000");
    }

    @Test
    void aGatewayThatIsDownOrTooSlowIsRetried() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        SmsGatewayChannel down = new SmsGatewayChannel(new NotifySmsProperties("http://127.0.0.1:" + closedPort + "/x",
                "", "", "宜春市政务公开", false, Map.of(), Duration.ofSeconds(2), "OK", List.of()),
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(down.send(message("d6", MessageKinds.WARNING)).status()).isEqualTo(Status.RETRY);

        try (TestHttpServer slow = new TestHttpServer(r -> {
            sleep(2000);
            return Answer.of(200, "{\"code\":\"OK\"}");
        })) {
            SmsGatewayChannel channel = new SmsGatewayChannel(new NotifySmsProperties(slow.url("/x"), "", "",
                    "宜春市政务公开", false, Map.of(), Duration.ofMillis(300), "OK", List.of()),
                    Clock.fixed(NOW, ZoneOffset.UTC));
            SendOutcome outcome = channel.send(message("d7", MessageKinds.WARNING));
            assertThat(outcome.status()).isEqualTo(Status.RETRY);
            assertThat(outcome.detail()).contains("HttpTimeoutException");
        }
    }

    @Test
    void withoutAGatewayAddressOrWithoutTheKeysASignedGatewayNeedsTheChannelIsNotConfiguredAndSendsNothing() {
        SmsGatewayChannel noUrl = new SmsGatewayChannel(new NotifySmsProperties("", "AK", SECRET, "宜春市政务公开", true,
                Map.of(), Duration.ofSeconds(2), "OK", List.of()), Clock.systemUTC());
        SmsGatewayChannel noSecret = new SmsGatewayChannel(new NotifySmsProperties(gateway.url("/api/sms/send"), "AK",
                "", "宜春市政务公开", true, Map.of(), Duration.ofSeconds(2), "OK", List.of()), Clock.systemUTC());

        assertThat(noUrl.kind()).isEqualTo(ChannelKind.SMS);
        assertThat(noUrl.configured()).isFalse();
        assertThat(noSecret.configured()).isFalse();
        assertThat(noSecret.send(message("d8", MessageKinds.WARNING)).status()).isEqualTo(Status.RETRY);
        assertThat(gateway.received()).isEmpty();
        assertThat(channel(true, Map.of()).configured()).isTrue();
        assertThat(channel(false, Map.of()).configured()).isTrue();
    }

    private Status outcomeOf(SmsGatewayChannel channel, int status, String body) {
        answer.set(Answer.of(status, body));
        return channel.send(message("k", MessageKinds.WARNING)).status();
    }

    private SmsGatewayChannel channel(boolean sign, Map<String, String> templates) {
        return new SmsGatewayChannel(new NotifySmsProperties(gateway.url("/api/sms/send"), "AK-yichun", SECRET,
                "宜春市政务公开", sign, templates, Duration.ofSeconds(2), "OK", List.of("INVALID_PHONE", "BLACKLISTED")),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Outgoing message(String key, String kind) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("headline", "暴雨橙色预警");
        fields.put("level", "橙色");
        fields.put("url", "https://g.example/w/1");
        return new Outgoing(key, ChannelKind.SMS, "13800138000", null, kind, "暴雨橙色预警",
                "【预警】宜春市气象台发布暴雨橙色预警，详见 https://g.example/w/1", "https://g.example/w/1", null, fields);
    }

    private static List<String> names(JsonNode node) {
        return List.copyOf(node.propertyNames());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
