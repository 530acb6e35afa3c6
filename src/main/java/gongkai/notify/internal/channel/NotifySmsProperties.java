package gongkai.notify.internal.channel;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMS gateway ({@code gongkai.notify.sms.*}): a generic JSON-over-HTTP shape, to be adapted for a given vendor.
 *
 * @param url            where messages are POSTed; empty: SMS is not configured
 * @param accessKey      sent as {@code X-Access-Key} when requests are signed
 * @param accessSecret   the HMAC key of the signature
 * @param signName       短信签名, the registered sender name shown in brackets, e.g. 宜春市政务公开
 * @param sign           whether the gateway wants each request signed (then key and secret are required)
 * @param templates      message kind → the gateway's template code; a kind with a template is sent as template code
 *                       and parameters, one without as free text. Kinds contain dots: in YAML write the key in brackets,
 *                       {@code "[record.published]": SMS_0001}
 * @param timeout        to connect and to wait for the answer
 * @param okCode         the {@code code} of an accepted message
 * @param permanentCodes gateway codes that mean the number will never take a message (counted as a bounce)
 */
@ConfigurationProperties("gongkai.notify.sms")
public record NotifySmsProperties(@DefaultValue("") String url, @DefaultValue("") String accessKey,
        @DefaultValue("") String accessSecret, @DefaultValue("") String signName, @DefaultValue("true") boolean sign,
        Map<String, String> templates, @DefaultValue("5s") Duration timeout, @DefaultValue("OK") String okCode,
        @DefaultValue({"INVALID_PHONE", "BLACKLISTED"}) List<String> permanentCodes) {

    public NotifySmsProperties {
        templates = templates == null ? Map.of() : Map.copyOf(templates);
        permanentCodes = permanentCodes == null ? List.of() : List.copyOf(permanentCodes);
    }
}
