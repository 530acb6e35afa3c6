package gongkai.notify.internal.channel;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What the channels share: the masked address for logs, HMAC and hashes, and a bounded HTTP client. */
final class ChannelSupport {

    /** More of an answer than any gateway needs to say; a peer that sends more is cut off rather than read forever. */
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    private ChannelSupport() {
    }

    /** An address as logs may show it: the first 3 and last 2 characters, so a line can be matched but not read. */
    static String masked(String address) {
        if (address == null) {
            return "(none)";
        }
        if (address.length() <= 5) {
            return "***";
        }
        return address.substring(0, 3) + "***" + address.substring(address.length() - 2);
    }

    /**
     * A failure's detail with the address masked wherever the other side echoed it (an SMTP refusal names the
     * mailbox), since the detail goes to the log and the delivery row.
     */
    static SendOutcome scrubbed(SendOutcome outcome, String address) {
        // A very short "address" is no address, and replacing it would garble the detail.
        if (outcome.detail() == null || address == null || address.strip().length() < 6) {
            return outcome;
        }
        String detail = Pattern.compile(Pattern.quote(address), Pattern.CASE_INSENSITIVE).matcher(outcome.detail())
                .replaceAll(Matcher.quoteReplacement(masked(address)));
        return new SendOutcome(outcome.status(), detail);
    }

    static byte[] hmacSha256(String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    static String sha256Hex(byte[] data) {
        return gongkai.shared.CanonicalJson.sha256Hex(data);
    }

    /**
     * A client that never follows a redirect (an outside server must not send our request elsewhere) and speaks
     * HTTP/1.1, which every gateway and receiver understands.
     */
    static HttpClient httpClient(Duration connectTimeout) {
        return HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** The answer's body as UTF-8 text, at most {@link #MAX_ANSWER_BYTES}; the stream is closed either way. */
    static String body(HttpResponse<InputStream> response) throws IOException {
        try (InputStream in = response.body()) {
            return new String(in.readNBytes(MAX_ANSWER_BYTES), StandardCharsets.UTF_8);
        }
    }

    /** A failed call in a few words: the kind of failure, and the message when there is one. */
    static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
