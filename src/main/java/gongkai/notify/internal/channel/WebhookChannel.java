package gongkai.notify.internal.channel;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import gongkai.notify.ChannelKind;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook: a JSON POST to the subscriber's own server, signed with the subscription's secret in
 * {@code X-Gongkai-Signature: sha256=<hex HMAC-SHA256 of the body>}. Redirects are not followed and, unless allowed,
 * an address that resolves into a private, loopback or otherwise internal network is refused both when subscribing
 * ({@link #problemWith(String)}) and when sending, so that a subscriber cannot point the platform at its neighbours.
 *
 * <p>The address is checked when the request is about to go, but the HTTP client resolves the name again to connect:
 * a name whose DNS answer changes in between (DNS rebinding) is not caught. A deployment that must rule this out sends
 * webhooks through an egress proxy that refuses internal addresses.
 */
@Component
public class WebhookChannel implements Channel {

    private static final Logger log = LoggerFactory.getLogger(WebhookChannel.class);
    // Our own mapper: the body is a contract with subscribers, not subject to the application's JSON settings.
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_URL_LENGTH = 2000;

    /** What can be wrong with a webhook address: the subscriber's words and the log's. */
    enum UrlProblem {
        MISSING("请填写 Webhook 地址", "no URL"),
        TOO_LONG("Webhook 地址过长，不能超过 " + MAX_URL_LENGTH + " 个字符", "URL too long"),
        SCHEME("Webhook 地址须以 http:// 或 https:// 开头", "not an http(s) URL"),
        MALFORMED("Webhook 地址格式不正确", "malformed URL"),
        NO_HOST("Webhook 地址缺少有效的主机名", "no valid host name"),
        USER_INFO("Webhook 地址不能包含用户名或密码", "user name or password in the URL"),
        INTERNAL("Webhook 地址不能指向内网或本机地址", "host is a private, loopback or reserved address");

        private final String message;
        private final String reason;

        UrlProblem(String message, String reason) {
            this.message = message;
            this.reason = reason;
        }
    }

    private final NotifyWebhookProperties properties;
    private final HttpClient http;

    public WebhookChannel(NotifyWebhookProperties properties) {
        this.properties = properties;
        this.http = ChannelSupport.httpClient(properties.timeout());
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WEBHOOK;
    }

    /** Always: the subscriber brings the server. */
    @Override
    public boolean configured() {
        return true;
    }

    /**
     * What is wrong with a webhook address a subscriber typed, as a sentence to show them, or null when it may be
     * used. Internal addresses are refused; a host name that does not resolve now is accepted (DNS may be briefly
     * unavailable) and checked again at every send.
     */
    public static String problemWith(String url) {
        return problemWith(url, false);
    }

    /** As {@link #problemWith(String)}, with internal addresses allowed when the platform is set to allow them. */
    public static String problemWith(String url, boolean allowPrivateAddresses) {
        UrlProblem problem = syntaxProblem(url);
        if (problem == null && !allowPrivateAddresses) {
            try {
                problem = internal(URI.create(url.strip()).getHost()) ? UrlProblem.INTERNAL : null;
            } catch (UnknownHostException e) {
                problem = null;
            }
        }
        return problem == null ? null : problem.message;
    }

    /** As {@link #problemWith(String, boolean)} with this platform's setting. */
    public String problemWithUrl(String url) {
        return problemWith(url, properties.allowPrivateAddresses());
    }

    @Override
    public SendOutcome send(Outgoing message) {
        SendOutcome outcome;
        try {
            outcome = post(message);
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
            log.warn("Webhook {} to {} not sent ({}): {}", message.deliveryKey(),
                    ChannelSupport.masked(message.address()), outcome.status(), outcome.detail());
        }
        return outcome;
    }

    private SendOutcome post(Outgoing message) throws IOException, InterruptedException {
        UrlProblem problem = syntaxProblem(message.address());
        if (problem != null) {
            return SendOutcome.permanent(problem.reason);
        }
        URI uri = URI.create(message.address().strip());
        if (!properties.allowPrivateAddresses()) {
            try {
                if (internal(uri.getHost())) {
                    return SendOutcome.permanent(UrlProblem.INTERNAL.reason);
                }
            } catch (UnknownHostException e) {
                return SendOutcome.retry("cannot resolve the host");
            }
        }
        byte[] body = JSON.writeValueAsBytes(body(message));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(properties.timeout())
                .header("Content-Type", "application/json; charset=utf-8").header("User-Agent", "Gongkai-Webhook/1")
                .header("X-Gongkai-Event", message.kind()).header("X-Gongkai-Delivery", message.deliveryKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!ChannelSupport.isBlank(message.secret())) {
            request.header("X-Gongkai-Signature", signature(message.secret(), body));
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        // The answer's body means nothing to us; closing unread also stops a server that would send without end.
        response.body().close();
        return outcomeOf(response.statusCode());
    }

    @JsonPropertyOrder({"event", "deliveryId", "subject", "text", "link", "unsubscribe", "data"})
    record WebhookBody(String event, String deliveryId, String subject, String text, String link, String unsubscribe,
            Map<String, String> data) {
    }

    static WebhookBody body(Outgoing message) {
        return new WebhookBody(message.kind(), message.deliveryKey(), message.subject(), message.text(), message.link(),
                message.unsubscribeUrl(), message.fields() == null ? Map.of() : message.fields());
    }

    /** {@code sha256=} and the lowercase hex HMAC-SHA256 of the exact body bytes, keyed with the secret. */
    static String signature(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(ChannelSupport.hmacSha256(secret, body));
    }

    /**
     * 2xx: delivered. 429 and 5xx: the server is busy or broken for now. A redirect (not followed) and any other 4xx,
     * 410 Gone above all: the subscriber's server does not take our messages at this address.
     */
    static SendOutcome outcomeOf(int status) {
        if (status >= 200 && status < 300) {
            return SendOutcome.sent();
        }
        if (status == 429 || status >= 500) {
            return SendOutcome.retry("HTTP " + status);
        }
        if (status >= 300 && status < 400) {
            return SendOutcome.permanent("HTTP " + status + ", redirect not followed");
        }
        if (status >= 400) {
            return SendOutcome.permanent(status == 410 ? "HTTP 410 Gone" : "HTTP " + status);
        }
        return SendOutcome.retry("HTTP " + status);
    }

    private static UrlProblem syntaxProblem(String url) {
        if (url == null || url.isBlank()) {
            return UrlProblem.MISSING;
        }
        String u = url.strip();
        if (u.length() > MAX_URL_LENGTH) {
            return UrlProblem.TOO_LONG;
        }
        String lower = u.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return UrlProblem.SCHEME;
        }
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            return UrlProblem.MALFORMED;
        }
        if (uri.getRawUserInfo() != null) {
            return UrlProblem.USER_INFO;
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return UrlProblem.NO_HOST;
        }
        return null;
    }

    /** Whether the host is, or resolves to any, address inside a network the platform must not call into. */
    private static boolean internal(String host) throws UnknownHostException {
        return Arrays.stream(InetAddress.getAllByName(host)).anyMatch(WebhookChannel::isInternal);
    }

    /**
     * Loopback, link-local (cloud metadata at 169.254.169.254), private (10/8, 172.16/12, 192.168/16, fc00::/7),
     * unspecified, multicast, and the other ranges no public server lives in (0/8, 100.64/10 carrier NAT, 240/4 and
     * broadcast); an IPv6 address that carries an IPv4 one (mapped, compatible, NAT64, 6to4) is judged by that one.
     */
    static boolean isInternal(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first >= 240 || (first == 100 && (second & 0xc0) == 64);
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return true;
        }
        byte[] v4 = embeddedIpv4(b);
        if (v4 != null) {
            try {
                return isInternal(InetAddress.getByAddress(v4));
            } catch (UnknownHostException e) {
                return true;
            }
        }
        return false;
    }

    private static byte[] embeddedIpv4(byte[] b) {
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        if (firstTenZero && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff))) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        if (nat64) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return Arrays.copyOfRange(b, 2, 6);
        }
        return null;
    }
}
