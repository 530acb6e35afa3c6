package gongkai.publishing;

/** An attachment of a record (附件): stored by content hash, type detected from the content. */
public record Attachment(String sha256, String name, String mediaType, long size, String altText) {
}
