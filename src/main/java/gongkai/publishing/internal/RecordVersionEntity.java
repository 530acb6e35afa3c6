package gongkai.publishing.internal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import gongkai.catalog.Audience;

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
    @Column(name = "record_id")
    private Long recordId;
    private int version;
    @Column(name = "region_code")
    private String regionCode;
    @Enumerated(EnumType.STRING)
    private Audience audience;
    private String title;
    private String summary;
    private String body;
    @Column(name = "document_number")
    private String documentNumber;
    @Column(name = "written_on")
    private LocalDate writtenOn;
    private String keywords;
    @Column(name = "subject_class")
    private String subjectClass;
    @Column(name = "data_json")
    private String dataJson;
    @Column(name = "attachments_json")
    private String attachmentsJson;
    @Column(name = "publisher_name")
    private String publisherName;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Column(name = "approved_by")
    private String approvedBy;
    @Column(name = "content_sha256")
    private String contentSha256;

    protected RecordVersionEntity() {
    }

    /** A version about to be published; {@link #seal} gives it its content hash before it is saved. */
    public RecordVersionEntity(Long recordId, int version, RecordEntity.WorkingCopy c, String attachmentsJson,
            String publisherName, Instant publishedAt, String approvedBy) {
        this.recordId = recordId;
        this.version = version;
        this.regionCode = c.region();
        this.audience = c.audience();
        this.title = c.title();
        this.summary = c.summary();
        this.body = c.body();
        this.documentNumber = c.documentNumber();
        this.writtenOn = c.writtenOn();
        this.keywords = c.keywords();
        this.subjectClass = c.subjectClass();
        this.dataJson = c.dataJson();
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

    public String getRegionCode() {
        return regionCode;
    }

    public Audience getAudience() {
        return audience;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public String getBody() {
        return body;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    public LocalDate getWrittenOn() {
        return writtenOn;
    }

    public String getKeywords() {
        return keywords;
    }

    public String getSubjectClass() {
        return subjectClass;
    }

    public String getDataJson() {
        return dataJson;
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
