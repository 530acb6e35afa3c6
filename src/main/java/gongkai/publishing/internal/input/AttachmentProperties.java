package gongkai.publishing.internal.input;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Attachment settings ({@code gongkai.attachments.*}). An uploaded document is read in a separate process (see
 * {@link DocumentParser}); the parse limits bound that process, and a document that breaks one is refused.
 *
 * @param maxSize          the largest attachment accepted; the multipart limits of the web layer must allow at least
 *                         this
 * @param maxTextChars     the most characters of text one document may hold; a longer one is refused, since text
 *                         beyond what was read would be published without the privacy guard having seen it; at most
 *                         {@link #TEXT_COLUMN_CHARS}, what the database column holds
 * @param parseTimeout     how long reading one document (type, then text) may take before its process is killed
 * @param parseMemory      the heap of each parsing process
 * @param parseProcesses   how many documents may be read at once; further uploads wait up to {@code parseTimeout}
 */
@ConfigurationProperties("gongkai.attachments")
public record AttachmentProperties(
        @DefaultValue("20MB") DataSize maxSize,
        @DefaultValue("1000000") int maxTextChars,
        @DefaultValue("30s") Duration parseTimeout,
        @DefaultValue("256MB") DataSize parseMemory,
        @DefaultValue("2") int parseProcesses) {

    /** The size of {@code record_attachment.extracted_text}. */
    public static final int TEXT_COLUMN_CHARS = 1_000_000;

    @ConstructorBinding
    public AttachmentProperties {
        if (maxTextChars < 1 || maxTextChars > TEXT_COLUMN_CHARS) {
            throw new IllegalArgumentException(
                    "gongkai.attachments.max-text-chars must be between 1 and " + TEXT_COLUMN_CHARS);
        }
        if (parseTimeout.isNegative() || parseTimeout.isZero() || parseProcesses < 1
                || parseMemory.toMegabytes() < 32) {
            throw new IllegalArgumentException("gongkai.attachments.parse-timeout must be positive, "
                    + "parse-processes at least 1 and parse-memory at least 32MB");
        }
    }

    /** The defaults with another size limit. */
    public AttachmentProperties(DataSize maxSize) {
        this(maxSize, TEXT_COLUMN_CHARS, Duration.ofSeconds(30), DataSize.ofMegabytes(256), 2);
    }
}
