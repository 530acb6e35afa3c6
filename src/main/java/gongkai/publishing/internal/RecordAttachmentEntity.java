package gongkai.publishing.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import gongkai.publishing.Attachment;

/** An attachment of the working copy; published versions keep their own list as JSON. */
@Entity
@Table(name = "record_attachment")
public class RecordAttachmentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long recordId;
    private int position;
    private String sha256;
    private String originalName;
    private String mediaType;
    private long sizeBytes;
    private String extractedText;
    private String altText;

    protected RecordAttachmentEntity() {
    }

    public RecordAttachmentEntity(Long recordId, int position, String sha256, String originalName, String mediaType,
            long sizeBytes, String extractedText, String altText) {
        this.recordId = recordId;
        this.position = position;
        this.sha256 = sha256;
        this.originalName = originalName;
        this.mediaType = mediaType;
        this.sizeBytes = sizeBytes;
        this.extractedText = extractedText;
        this.altText = altText;
    }

    public Attachment toAttachment() {
        return new Attachment(sha256, originalName, mediaType, sizeBytes, altText);
    }

    public Long getId() {
        return id;
    }

    public String getExtractedText() {
        return extractedText;
    }

    public String getOriginalName() {
        return originalName;
    }

    public String getAltText() {
        return altText;
    }
}
