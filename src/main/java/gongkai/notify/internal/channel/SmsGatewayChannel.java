package gongkai.notify.internal.channel;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import gongkai.notify.ChannelKind;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 短信: one JSON POST per message to an SMS gateway, in a generic shape (see {@link NotifySmsProperties}); a vendor
 * with another shape needs its own adapter. A kind with a registered template goes as template code and parameters
 * (what mainland gateways require for notifications), any other as free text. The request id is the delivery key, so
 * a gateway that deduplicates drops a repeat.
 *
 * <p>Signed requests carry {@code X-Access-Key}, {@code X-Timestamp} (epoch seconds), {@code X-Nonce} and
 * {@code X-Signature} = Base64(HMAC-SHA256(secret, method + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n" +
 * hex(SHA-256(body)))).
 */
@Component
class SmsGatewayChannel implements Channel {

    private static final Logger log = LoggerFactory.getLogger(SmsGatewayChannel.class);
    // Our own mapper: the request's shape is a contract with the gateway, not subject to the application's settings.
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NotifySmsProperties properties;
    private final Clock clock;
    private final HttpClient http;

    SmsGatewayChannel(NotifySmsProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.http = ChannelSupport.httpClient(properties.timeout());
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.SMS;
    }

    @Override
    public boolean configured() {
        return !ChannelSupport.isBlank(properties.url()) && (!properties.sign()
                || !ChannelSupport.isBlank(properties.accessKey()) && !ChannelSupport.isBlank(properties.accessSecret()));
    }

    @Override
    public SendOutcome send(Outgoing message) {
        if (!configured()) {
            return SendOutcome.retry("SMS is not configured");
        }
        SendOutcome outcome;
        try {
            HttpResponse<InputStream> response = http.send(request(message), HttpResponse.BodyHandlers.ofInputStream());
            outcome = outcomeOf(response.statusCode(), ChannelSupport.body(response));
        } catch (IOException e) {
            outcome = SendOutcome.retry(ChannelSupport.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = SendOutcome.retry("interrupted");
        } catch (RuntimeException e) {
            outcome = SendOutcome.retry("unexpected: " + e);
        }
        if (outcome.status() != SendOutcome.Status.SENT) {
            outcome = ChannelSupport.scrubbed(outcome, message.address());
            log.warn("SMS {} to {} not sent ({}): {}", message.deliveryKey(), ChannelSupport.masked(message.address()),
                    outcome.status(), outcome.detail());
        }
        return outcome;
    }

    /** The gateway's request body; empty parts are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"phone", "signName", "templateCode", "templateParams", "content", "requestId"})
    record SmsRequest(String phone, String signName, String templateCode, Map<String, String> templateParams,
            String content, String requestId) {
    }

    SmsRequest body(Outgoing message) {
        String template = message.kind() == null ? null : properties.templates().get(message.kind());
        if (template != null) {
            return new SmsRequest(message.address(), properties.signName(), template,
                    message.fields() == null ? Map.of() : message.fields(), null, message.deliveryKey());
        }
        return new SmsRequest(message.address(), properties.signName(), null, null, message.text(),
                message.deliveryKey());
    }

    private HttpRequest request(Outgoing message) {
        byte[] body = JSON.writeValueAsBytes(body(message));
        URI uri = URI.create(properties.url());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(properties.timeout())
                .header("Content-Type", "application/json; charset=utf-8").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (properties.sign()) {
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            String nonce = UUID.randomUUID().toString();
            request.header("X-Access-Key", properties.accessKey()).header("X-Timestamp", timestamp)
                    .header("X-Nonce", nonce)
                    .header("X-Signature", signature(properties.accessSecret(), "POST", path(uri), timestamp, nonce, body));
        }
        return request.build();
    }

    /** The path as signed: as sent on the request line, without the query; "/" when the URL has none. */
    static String path(URI uri) {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    static String signature(String secret, String method, String path, String timestamp, String nonce, byte[] body) {
        String canonical = method + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + ChannelSupport.sha256Hex(body);
        return Base64.getEncoder()
                .encodeToString(ChannelSupport.hmacSha256(secret, canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Sent on a 2xx with the ok code. A 2xx with another code or a 4xx (but 429) is permanent when the gateway's code
     * says the number will never take a message, and worth a retry otherwise (a quota, a bad signature we can fix);
     * 429, 5xx and anything unexpected are retried.
     */
    SendOutcome outcomeOf(int status, String answer) {
        boolean ok = status >= 200 && status < 300;
        boolean refused = status >= 400 && status < 500 && status != 429;
        if (!ok && !refused) {
            return SendOutcome.retry("HTTP " + status);
        }
        JsonNode json = parse(answer);
        String code = json == null ? null : json.path("code").asString(null);
        if (ok && properties.okCode().equals(code)) {
            return SendOutcome.sent();
        }
        String detail = "HTTP " + status + ", code " + code + describe(json);
        if (code != null && properties.permanentCodes().contains(code)) {
            return SendOutcome.permanent(detail);
        }
        return SendOutcome.retry(detail);
    }

    private static JsonNode parse(String answer) {
        try {
            JsonNode json = JSON.readTree(answer);
            return json != null && json.isObject() ? json : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String describe(JsonNode json) {
        String text = json == null ? null : json.path("message").asString(null);
        if (text == null || text.isBlank()) {
            return "";
        }
        return ": " + (text.length() > 100 ? text.substring(0, 100) : text);
    }
}
