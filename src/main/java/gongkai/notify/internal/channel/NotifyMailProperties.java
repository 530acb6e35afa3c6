package gongkai.notify.internal.channel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sender of notification e-mails ({@code gongkai.notify.mail.*}); the SMTP server itself is Spring Boot's
 * {@code spring.mail.*}.
 *
 * @param from     the sender address, e.g. {@code noreply@gongkai.yichun.gov.cn}; empty: e-mail is not configured
 * @param fromName the sender's display name
 */
@ConfigurationProperties("gongkai.notify.mail")
public record NotifyMailProperties(@DefaultValue("") String from, @DefaultValue("宜春市政府信息公开") String fromName) {
}
