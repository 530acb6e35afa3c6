package gongkai.notify.internal.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The channels' settings bind as README "Channels" documents them: the defaults, and template maps keyed by message
 * kinds, whose dots need the bracket notation.
 */
class ChannelPropertiesTest {

    @Test
    void withNothingSetEveryChannelButWebhooksIsOff() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("gongkai.other", "x")));

        NotifyMailProperties mail = bind(binder, "gongkai.notify.mail", NotifyMailProperties.class);
        NotifySmsProperties sms = bind(binder, "gongkai.notify.sms", NotifySmsProperties.class);
        NotifyWechatProperties wechat = bind(binder, "gongkai.notify.wechat", NotifyWechatProperties.class);
        NotifyWebhookProperties webhook = bind(binder, "gongkai.notify.webhook", NotifyWebhookProperties.class);

        assertThat(mail.from()).isEmpty();
        assertThat(mail.fromName()).isEqualTo("宜春市政府信息公开");
        assertThat(sms.url()).isEmpty();
        assertThat(sms.sign()).isTrue();
        assertThat(sms.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(sms.okCode()).isEqualTo("OK");
        assertThat(sms.permanentCodes()).containsExactly("INVALID_PHONE", "BLACKLISTED");
        assertThat(sms.templates()).isEmpty();
        assertThat(new SmsGatewayChannel(sms, java.time.Clock.systemUTC()).configured()).isFalse();
        assertThat(wechat.baseUrl()).isEqualTo("https://api.weixin.qq.com");
        assertThat(new WechatTemplateChannel(wechat, java.time.Clock.systemUTC()).configured()).isFalse();
        assertThat(webhook.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(webhook.allowPrivateAddresses()).isFalse();
    }

    @Test
    void templatesAreKeyedByMessageKindsWrittenInBrackets() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "gongkai.notify.sms.url", "https://sms.example/api/send",
                "gongkai.notify.sms.templates[record.published]", "SMS_0001",
                "gongkai.notify.sms.permanent-codes", "E100,E200",
                "gongkai.notify.wechat.app-id", "wx1234567890abcdef",
                "gongkai.notify.wechat.templates[record.published].id", "TPL-1",
                "gongkai.notify.wechat.templates[record.published].keys[0]", "thing1",
                "gongkai.notify.wechat.templates[record.published].keys[1]", "time2",
                "gongkai.notify.wechat.templates[warning].id", "TPL-2")));

        NotifySmsProperties sms = bind(binder, "gongkai.notify.sms", NotifySmsProperties.class);
        NotifyWechatProperties wechat = bind(binder, "gongkai.notify.wechat", NotifyWechatProperties.class);

        assertThat(sms.templates()).containsExactly(Map.entry(MessageKinds.RECORD_PUBLISHED, "SMS_0001"));
        assertThat(sms.permanentCodes()).containsExactly("E100", "E200");
        assertThat(wechat.templates().get(MessageKinds.RECORD_PUBLISHED))
                .isEqualTo(new NotifyWechatProperties.Template("TPL-1", List.of("thing1", "time2")));
        assertThat(wechat.templates().get(MessageKinds.WARNING).keys()).isEmpty();
    }

    private static <T> T bind(Binder binder, String prefix, Class<T> type) {
        return binder.bindOrCreate(prefix, Bindable.of(type));
    }
}
