package gongkai.notify.internal.channel;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import gongkai.notify.ChannelKind;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 微信公众号模板消息: a template message from the official account to a follower's openid. The access token is
 * fetched with the AppID and AppSecret, kept until shortly before it expires, and fetched again at once when WeChat
 * says it is no longer valid (another node or a person fetched a newer one), after which the message is tried once
 * more. A follower who left, an unknown openid or a follower who refused the account's messages is a bounce.
 */
@Component
class WechatTemplateChannel implements Channel {

    private static final Logger log = LoggerFactory.getLogger(WechatTemplateChannel.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Invalid credential, token expired, token not the latest. */
    private static final Set<Integer> TOKEN_ERRORS = Set.of(40001, 42001, 40014);
    /** Not following, invalid openid, the follower refused the account's messages. */
    private static final Set<Integer> RECIPIENT_GONE = Set.of(43004, 40003, 43101);
    /** Longest token lifetime kept unused at its end, so that no message goes out with a token about to expire. */
    private static final long MARGIN_SECONDS = 300;
    /** WeChat's limit for a {@code thing} value (事物, 20 characters); a longer one is refused with 47003. */
    private static final int THING_LENGTH = 20;

    private final NotifyWechatProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private final Object tokenLock = new Object();
    private Token token;

    WechatTemplateChannel(NotifyWechatProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.http = ChannelSupport.httpClient(properties.timeout());
    }

    private record Token(String value, Instant refreshAfter) {
    }

    /** WeChat did not hand out a token: wrong credentials, the server's address not on the account's list, or busy. */
    private static final class NoToken extends Exception {
        NoToken(String message) {
            super(message);
        }
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WECHAT;
    }

    @Override
    public boolean configured() {
        return !ChannelSupport.isBlank(properties.appId()) && !ChannelSupport.isBlank(properties.appSecret());
    }

    @Override
    public SendOutcome send(Outgoing message) {
        if (!configured()) {
            return SendOutcome.retry("WeChat is not configured");
        }
        SendOutcome outcome;
        NotifyWechatProperties.Template template = message.kind() == null ? null
                : properties.templates().get(message.kind());
        if (template == null || ChannelSupport.isBlank(template.id())) {
            outcome = SendOutcome.permanent("no template for " + message.kind());
        } else {
            outcome = sendWith(template, message);
        }
        if (outcome.status() != SendOutcome.Status.SENT) {
            outcome = ChannelSupport.scrubbed(outcome, message.address());
            log.warn("WeChat message {} to {} not sent ({}): {}", message.deliveryKey(),
                    ChannelSupport.masked(message.address()), outcome.status(), outcome.detail());
        }
        return outcome;
    }

    private SendOutcome sendWith(NotifyWechatProperties.Template template, Outgoing message) {
        try {
            byte[] body = JSON.writeValueAsBytes(body(template, message));
            String used = token(null);
            JsonNode answer = post(used, body);
            if (TOKEN_ERRORS.contains(errcode(answer))) {
                answer = post(token(used), body);
            }
            return outcomeOf(answer);
        } catch (NoToken e) {
            return SendOutcome.retry("no access token: " + e.getMessage());
        } catch (IOException e) {
            return SendOutcome.retry(ChannelSupport.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendOutcome.retry("interrupted");
        } catch (RuntimeException e) {
            return SendOutcome.retry("unexpected: " + e);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"touser", "template_id", "url", "data"})
    record TemplateMessage(String touser, @JsonProperty("template_id") String templateId, String url,
            Map<String, Value> data) {
    }

    record Value(String value) {
    }

    /** The template's keys take the message's field values in order; a key without a value gets an empty one. */
    static TemplateMessage body(NotifyWechatProperties.Template template, Outgoing message) {
        List<String> values = message.fields() == null ? List.of() : new ArrayList<>(message.fields().values());
        Map<String, Value> data = new LinkedHashMap<>();
        for (int i = 0; i < template.keys().size(); i++) {
            String key = template.keys().get(i);
            String value = i < values.size() && values.get(i) != null ? values.get(i) : "";
            data.put(key, new Value(fitted(key, value)));
        }
        return new TemplateMessage(message.address(), template.id(), message.link(), data);
    }

    /** A {@code thing} value longer than WeChat takes, cut with an ellipsis rather than refused. */
    static String fitted(String key, String value) {
        if (key.startsWith("thing") && value.codePointCount(0, value.length()) > THING_LENGTH) {
            return value.substring(0, value.offsetByCodePoints(0, THING_LENGTH - 1)) + "…";
        }
        return value;
    }

    private static SendOutcome outcomeOf(JsonNode answer) {
        int errcode = errcode(answer);
        if (errcode == 0) {
            return SendOutcome.sent();
        }
        String detail = "errcode " + errcode + ": " + answer.path("errmsg").asString("");
        if (RECIPIENT_GONE.contains(errcode)) {
            return SendOutcome.permanent(detail);
        }
        // -1 (busy), 45009 (daily quota), a token still refused after a fresh one, and anything unknown
        return SendOutcome.retry(detail);
    }

    /** The answer's errcode; a missing one (WeChat answers errors with errcode) is a failure. */
    private static int errcode(JsonNode answer) {
        JsonNode errcode = answer.path("errcode");
        return errcode.isNumber() ? errcode.asInt() : Integer.MIN_VALUE;
    }

    private JsonNode post(String accessToken, byte[] body) throws IOException, InterruptedException {
        URI uri = URI.create(properties.baseUrl() + "/cgi-bin/message/template/send?access_token="
                + URLEncoder.encode(accessToken, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(properties.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        String text = ChannelSupport.body(response);
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        return parse(text);
    }

    /**
     * The token to use: the one kept, unless it is about to expire or is the {@code stale} one WeChat just refused; a
     * refusal seen by several senders at once leads to one fetch.
     */
    private String token(String stale) throws IOException, InterruptedException, NoToken {
        synchronized (tokenLock) {
            Token kept = token;
            if (kept != null && !kept.value().equals(stale) && clock.instant().isBefore(kept.refreshAfter())) {
                return kept.value();
            }
            token = null;
            Token fresh = fetchToken();
            token = fresh;
            return fresh.value();
        }
    }

    private Token fetchToken() throws IOException, InterruptedException, NoToken {
        URI uri = URI.create(properties.baseUrl() + "/cgi-bin/token?grant_type=client_credential&appid="
                + URLEncoder.encode(properties.appId(), StandardCharsets.UTF_8) + "&secret="
                + URLEncoder.encode(properties.appSecret(), StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(properties.timeout()).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        String text = ChannelSupport.body(response);
        if (response.statusCode() != 200) {
            throw new NoToken("HTTP " + response.statusCode());
        }
        JsonNode answer = parse(text);
        String value = answer.path("access_token").asString("");
        if (value.isEmpty()) {
            throw new NoToken("errcode " + answer.path("errcode").asString("?") + ": "
                    + answer.path("errmsg").asString(""));
        }
        long expiresIn = Math.max(1, answer.path("expires_in").asLong(7200));
        Instant refreshAfter = clock.instant().plusSeconds(expiresIn - Math.min(MARGIN_SECONDS, expiresIn / 2));
        return new Token(value, refreshAfter);
    }

    private static JsonNode parse(String text) throws IOException {
        try {
            JsonNode json = JSON.readTree(text);
            if (json == null || !json.isObject()) {
                throw new IOException("not a JSON object");
            }
            return json;
        } catch (JacksonException e) {
            throw new IOException("not JSON: " + e.getOriginalMessage());
        }
    }
}
