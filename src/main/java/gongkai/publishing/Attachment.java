package gongkai.publishing;

/**
 * An attachment of a record (附件): stored by content hash, type detected from the content.
 *
 * @param altText its description; an image must have one (图片说明), which the public page shows as its caption
 */
public record Attachment(String sha256, String name, String mediaType, long size, String altText) {

    /** The longest description an image may carry: one or two sentences, read aloud in place of the picture. */
    public static final int MAX_IMAGE_DESCRIPTION = 200;

    /** An image (PNG, JPEG, GIF, WebP by its detected content), shown in the page with its description. */
    public boolean image() {
        return mediaType != null && switch (mediaType) {
            case "image/png", "image/jpeg", "image/gif", "image/webp" -> true;
            default -> false;
        };
    }
}
