package gongkai.notify.internal.channel;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The WeChat official account that sends template messages ({@code gongkai.notify.wechat.*}).
 *
 * @param baseUrl   the API's address; changed only for a proxy or a test
 * @param appId     the official account's AppID; empty: WeChat is not configured
 * @param appSecret the official account's AppSecret
 * @param templates message kind → the template chosen in the account's back office. Kinds contain dots: in YAML write
 *                  the key in brackets, {@code "[record.published]": {id: ..., keys: [thing1, time2]}}
 * @param timeout   to connect and to wait for an answer
 */
@ConfigurationProperties("gongkai.notify.wechat")
public record NotifyWechatProperties(@DefaultValue("https://api.weixin.qq.com") String baseUrl,
        @DefaultValue("") String appId, @DefaultValue("") String appSecret, Map<String, Template> templates,
        @DefaultValue("5s") Duration timeout) {

    public NotifyWechatProperties {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        templates = templates == null ? Map.of() : Map.copyOf(templates);
    }

    /**
     * @param id   the template's id (template_id)
     * @param keys the template's data keys (e.g. {@code thing1}, {@code time2}), given the message's field values in
     *             order
     */
    public record Template(String id, List<String> keys) {
        public Template {
            keys = keys == null ? List.of() : List.copyOf(keys);
        }
    }
}
