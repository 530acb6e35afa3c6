package gongkai.publishing.internal.input;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Attachment settings ({@code gongkai.attachments.*}).
 *
 * @param maxSize the largest attachment accepted; the multipart limits of the web layer must allow at least this
 */
@ConfigurationProperties("gongkai.attachments")
public record AttachmentProperties(@DefaultValue("20MB") DataSize maxSize) {
}
