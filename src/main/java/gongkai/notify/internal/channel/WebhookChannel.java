package gongkai.notify.internal.channel;

// TEMPORARY stand-in until the channels branch is merged; never committed.
public class WebhookChannel {
    public static String problemWith(String url) {
        return url.startsWith("http://") || url.startsWith("https://") ? null : "Webhook 地址须以 http:// 或 https:// 开头";
    }
}
