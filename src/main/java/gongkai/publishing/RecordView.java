package gongkai.publishing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import gongkai.catalog.Audience;
import gongkai.catalog.CatalogField;
import gongkai.catalog.ReportingPeriod;

/**
 * A record as one viewer may see it: the latest published version for the public (personal fields masked), or the
 * working copy for its organisation's staff.
 *
 * @param ref          the index number, or the draft key before the first publication
 * @param workingCopy  true when this shows the unpublished working copy (staff only)
 * @param rowsMasked   whether personal fields in {@code rows} are masked
 * @param accessCode   the targeted record's access code, shown to its organisation's staff only
 * @param period       the period a record of a scheduled item covers ({@code 2026-10}, {@code 2026-Q3},
 *                     {@code 2026}); null when it states none
 * @param documentCategory 规章, 行政规范性文件 or {@link DocumentCategory#OTHER other}, never null
 * @param validUntil   有效期至: the last day the document is in force by its own terms; null when it sets none
 * @param recordId     the record's internal number (the N of its draft key), stable for the record's life
 * @param content      the public content object of this published version, whose canonical JSON is hashed and
 *                     logged (see {@link PublishedContent}); null for a working copy
 * @param ledger       the transparency log's newest entry about this version, verbatim; null for a working copy
 *                     or while it is not yet appended
 */
public record RecordView(String ref, String indexNo, RecordStatus status, int version, boolean workingCopy,
        String title, String summary, String body, String documentNumber, LocalDate writtenOn, String period,
        Instant firstPublishedAt, Instant publishedAt, String publisher, String org, String catalogItem,
        String itemName, String domain, String domainName, String region, String regionName, String subjectClass,
        Validity validity, LocalDate validitySince, DocumentCategory documentCategory, LocalDate validUntil,
        List<String> keywords, DisclosureMode mode, Audience audience,
        String targetGroup, List<CatalogField> columns, List<Map<String, String>> rows, boolean rowsMasked,
        List<Attachment> attachments, List<RecordLink> interpretations, RecordLink interpretationOf,
        InterpretationKind interpretationKind, List<VersionInfo> versions, List<RecordStep> steps,
        String withdrawalReason, Instant withdrawnAt, String accessCode, String contentSha256,
        String noInterpretationReason, boolean demo, long recordId, Map<String, Object> content,
        PublicationLog.Entry ledger) {

    /** A link to another record. */
    public record RecordLink(String ref, String title) {
    }

    /** One published version in the history. */
    public record VersionInfo(int version, Instant publishedAt, String contentSha256) {
    }

    /** The period as a resident reads it (2026年第三季度), or null. */
    public String periodName() {
        return period == null ? null : ReportingPeriod.parse(period).describe();
    }

    /**
     * The latest sending back (审核退回 or 审批退回) of the round now under way, or null: the reason the drafter
     * answered, which reviewer and approver read again before deciding. A publication or revision starts a new
     * round, so an old rejection is not shown again.
     */
    public RecordStep lastRejection() {
        RecordStep last = null;
        for (RecordStep s : steps) {
            switch (s.kind()) {
                case REVIEW_REJECT, APPROVE_REJECT -> last = s;
                case PUBLISH, REVISE -> last = null;
                default -> { }
            }
        }
        return last;
    }

    /** Whether the document's own term of validity (有效期至) had run out by {@code day}. */
    public boolean expiredOn(LocalDate day) {
        return validUntil != null && validUntil.isBefore(day);
    }

    public boolean withdrawn() {
        return status == RecordStatus.WITHDRAWN;
    }

    public boolean targeted() {
        return audience == Audience.TARGETED;
    }
}
