package gongkai.publishing.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Embedded;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One published version of a record, frozen: never updated after it is written. It keeps everything its public
 * content is made of (see {@link ContentHash}), region and audience included, so a later working copy cannot change
 * what a published version was.
 */
@Entity
@Table(name = "record_version")
public class RecordVersionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long recordId;
    private int version;
    @Embedded
    private RecordContent content;
    private String attachmentsJson;
    private String publisherName;
    private Instant publishedAt;
    private String approvedBy;
    private String contentSha256;

    protected RecordVersionEntity() {
    }

    /** A version about to be published; {@link #seal} gives it its content hash before it is saved. */
    public RecordVersionEntity(Long recordId, int version, RecordEntity.WorkingCopy c, String attachmentsJson,
            String publisherName, Instant publishedAt, String approvedBy) {
        this.recordId = recordId;
        this.version = version;
        this.content = RecordContent.of(c);
        this.attachmentsJson = attachmentsJson;
        this.publisherName = publisherName;
        this.publishedAt = publishedAt;
        this.approvedBy = approvedBy;
    }

    /** Records the content hash, once, before the version is first saved. */
    void seal(String sha256) {
        if (contentSha256 != null) {
            throw new IllegalStateException("A published version's content hash is never changed");
        }
        this.contentSha256 = sha256;
    }

    public Long getRecordId() {
        return recordId;
    }

    public int getVersion() {
        return version;
    }

    /** What this version published, as frozen. */
    public RecordContent getContent() {
        return content;
    }

    public String getAttachmentsJson() {
        return attachmentsJson;
    }

    public String getPublisherName() {
        return publisherName;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public String getContentSha256() {
        return contentSha256;
    }
}
