package gongkai.publishing.internal.input;

/**
 * An attachment as stored: its content address and what was learnt from the content.
 *
 * @param sha256        lower-case hex SHA-256 of the content; the file's name in the store
 * @param originalName  the name the uploader gave, without path parts or control characters
 * @param mediaType     the type detected from the content, e.g. {@code application/pdf}
 * @param size          bytes
 * @param text          the plain text of a document (at most {@link AttachmentProperties#maxTextChars()} characters), else empty
 * @param textExtracted whether the text was read; false for images (a document whose text cannot be read is refused)
 */
public record StoredFile(String sha256, String originalName, String mediaType, long size, String text,
        boolean textExtracted) {
}
