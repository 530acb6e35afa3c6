package gongkai.publishing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import gongkai.catalog.Audience;
import gongkai.publishing.Decision;
import gongkai.publishing.DisclosureMode;
import gongkai.publishing.DocumentCategory;
import gongkai.publishing.InterpretationKind;
import gongkai.publishing.RecordAction;
import gongkai.publishing.RecordActions;
import gongkai.publishing.RecordPublished;
import gongkai.publishing.RecordRevised;
import gongkai.publishing.RecordStatus;
import gongkai.publishing.RecordWithdrawn;
import gongkai.publishing.StepPermission;
import gongkai.publishing.Validity;
import gongkai.shared.Actor;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.Timestamped;

/**
 * A record: its identity, where it stands in the review, and the editor's working copy. What the public reads is
 * in {@link RecordVersionEntity}; the working copy becomes a new version on each approval. It knows who changed
 * the working copy in the current round, and so who may review and approve it (三审: three different people).
 */
@Entity
@Table(name = "disclosure_record")
public class RecordEntity extends Timestamped {

    public static final String DRAFT_PREFIX = "draft-";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String indexNo;
    private String catalogItem;
    private String orgCode;
    @Enumerated(EnumType.STRING)
    private RecordStatus status;
    /** The working copy's public part; the next approval freezes it into a {@link RecordVersionEntity}. */
    @Embedded
    private RecordContent content;
    private String targetGroup;
    private String accessCode;
    @Enumerated(EnumType.STRING)
    private DisclosureMode disclosureMode;
    private Long interpretationOf;
    @Enumerated(EnumType.STRING)
    private InterpretationKind interpretationKind;
    private int publishedVersion;
    @Enumerated(EnumType.STRING)
    private Validity validity = Validity.VALID;
    private LocalDate validitySince;
    private String createdBy;
    private String submittedBy;
    private String reviewedBy;
    private Instant scheduledAt;
    private Instant firstPublishedAt;
    private Instant lastPublishedAt;
    private Instant withdrawnAt;
    private String withdrawalReason;
    private String noInterpretationReason;
    private String maskingNote;
    private boolean demo;
    /**
     * Everyone who changed the working copy in this round (拟稿), across returns; emptied when a published record is
     * reopened, because the new version is a new round with its own drafters.
     */
    @ElementCollection
    @CollectionTable(name = "record_editor", joinColumns = @JoinColumn(name = "record_id"))
    @Column(name = "username")
    private Set<String> editors = new HashSet<>();
    @Version
    private long version;

    protected RecordEntity() {
    }

    public RecordEntity(String catalogItem, String orgCode, String createdBy, boolean demo) {
        this.catalogItem = catalogItem;
        this.orgCode = orgCode;
        this.createdBy = createdBy;
        this.status = RecordStatus.DRAFT;
        this.demo = demo;
    }

    /** The record's address: its index number once published, its draft key before. */
    public String ref() {
        return indexNo != null ? indexNo : DRAFT_PREFIX + id;
    }

    /** Replaces the working copy; only while the editor holds the record. The editor joins this round's drafters. */
    public void edit(WorkingCopy c, String editor) {
        editedBy(editor, RecordAction.EDIT);
        this.content = RecordContent.of(c);
        this.targetGroup = c.targetGroup();
        this.disclosureMode = c.disclosureMode();
        this.interpretationOf = c.interpretationOf();
        this.interpretationKind = c.interpretationKind();
    }

    public WorkingCopy content() {
        RecordContent p = content;
        return new WorkingCopy(p.regionCode(), p.audience(), targetGroup, disclosureMode, interpretationOf,
                interpretationKind, p.title(), p.summary(), p.body(), p.documentNumber(), p.writtenOn(), p.keywords(),
                p.subjectClass(), p.dataJson(), p.period(), p.documentCategory(), p.validUntil());
    }

    /**
     * The editable part of a record, as stored.
     *
     * @param period           the canonical period a record of a scheduled item covers (see {@link RecordContent})
     * @param documentCategory 规章 or 行政规范性文件, null for any other document
     * @param validUntil       有效期至, null when the document sets no end
     */
    public record WorkingCopy(String region, Audience audience, String targetGroup, DisclosureMode disclosureMode,
            Long interpretationOf, InterpretationKind interpretationKind, String title, String summary, String body,
            String documentNumber, LocalDate writtenOn, String keywords, String subjectClass, String dataJson,
            String period, DocumentCategory documentCategory, LocalDate validUntil) {

        /** The same copy with other free text (after masking). */
        public WorkingCopy withText(String newTitle, String newSummary, String newBody, String newDataJson) {
            return new WorkingCopy(region, audience, targetGroup, disclosureMode, interpretationOf,
                    interpretationKind, newTitle, newSummary, newBody, documentNumber, writtenOn, keywords,
                    subjectClass, newDataJson, period, documentCategory, validUntil);
        }

        /** The same copy with other structured rows (after an import). */
        public WorkingCopy withRows(String newDataJson) {
            return withText(title, summary, body, newDataJson);
        }
    }

    /** A change to or beside the working copy (attachments): only while editable; the editor joins the drafters. */
    public void editedBy(String editor, RecordAction change) {
        requireState(change);
        editors.add(editor);
    }

    /** What the actor may do to this record now, and for each refusal why ({@link RecordRules}): asked by all. */
    public RecordActions allowedActions(Actor actor) {
        Map<RecordAction, StepPermission> verdicts = new EnumMap<>(RecordAction.class);
        for (RecordAction action : RecordAction.values()) {
            verdicts.put(action, RecordRules.decide(this, action, actor));
        }
        return new RecordActions(verdicts);
    }

    private void requireState(RecordAction action) {
        RecordRules.stateAllows(this, action).orThrow();
    }

    /** To review; the submitter answers for the draft as its drafters do, and so joins them. */
    public void submit(String username) {
        requireState(RecordAction.SUBMIT);
        this.submittedBy = username;
        editors.add(username);
        this.status = RecordStatus.SUBMITTED;
    }

    /**
     * The fast path of an emergency (紧急发布): the approver who wrote the draft answers for submission and review in
     * one step, and the record stands approved; a second person confirms it after publication. Only from a draft.
     */
    public void fastTracked(String approver) {
        requireState(RecordAction.SUBMIT);
        this.submittedBy = approver;
        this.reviewedBy = approver;
        editors.add(approver);
        this.status = RecordStatus.REVIEWED;
    }

    /** The first check (审核): passed on to approval, or sent back to the editor. */
    public void review(Decision decision, String comment, Actor reviewer) {
        RecordRules.decide(this, RecordAction.REVIEW, reviewer).orThrow();
        if (decision == Decision.REJECT) {
            sendBack(comment);
            return;
        }
        this.reviewedBy = reviewer.username();
        this.status = RecordStatus.REVIEWED;
    }

    /** The approver sends the record back to the editor instead of approving it (审批退回). */
    public void rejectApproval(String comment, Actor approver) {
        RecordRules.decide(this, RecordAction.APPROVE, approver).orThrow();
        sendBack(comment);
    }

    /** A return (退回) says what to change: the comment is required. */
    private void sendBack(String comment) {
        if (comment == null || comment.isBlank()) {
            throw new InvalidInputProblem("comment", "退回时请填写意见，说明需要修改的地方。");
        }
        this.status = RecordStatus.REJECTED;
    }

    /** Approved for publication at a later time (定时发布). */
    public void schedule(Instant at) {
        requireState(RecordAction.APPROVE);
        this.scheduledAt = at;
        this.status = RecordStatus.SCHEDULED;
    }

    /** Publishes the next version of an approved record; the index number is given at the first one. */
    public void published(String newIndexNo, Instant at) {
        requireState(RecordAction.APPROVE);
        if (indexNo == null) {
            indexNo = newIndexNo;
            firstPublishedAt = at;
            if (content.audience() == Audience.TARGETED && accessCode == null) {
                accessCode = AccessCodes.next();
            }
        }
        publishedVersion++;
        lastPublishedAt = at;
        scheduledAt = null;
        status = RecordStatus.PUBLISHED;
    }

    /** The event of the publication just made: the first version is published, any later one a revision. */
    public Object publicationEvent(String sha) {
        return publishedVersion == 1
                ? new RecordPublished(indexNo, 1, catalogItem, orgCode, content.regionCode(), content.audience().code(), sha, lastPublishedAt)
                : new RecordRevised(indexNo, publishedVersion, catalogItem, orgCode, content.regionCode(), content.audience().code(), sha,
                        lastPublishedAt);
    }

    /** Withdraws the published record (撤回) for the given reason, which its page will show. */
    public RecordWithdrawn withdraw(String reason, Instant at) {
        requireState(RecordAction.WITHDRAW);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputProblem("reason", "请填写撤回理由，它将显示在信息页面上。");
        }
        this.status = RecordStatus.WITHDRAWN;
        this.withdrawalReason = reason.strip();
        this.withdrawnAt = at;
        return new RecordWithdrawn(indexNo, publishedVersion, catalogItem, orgCode, content.regionCode(), content.audience().code(),
                withdrawalReason, at);
    }

    /**
     * Starts a new version of a published record: the published one stays public until the next approval. A new
     * round begins: the last round's drafters may review or approve this one unless they change it again.
     */
    public void reopen() {
        requireState(RecordAction.REOPEN);
        this.status = RecordStatus.DRAFT;
        this.submittedBy = null;
        this.reviewedBy = null;
        this.editors.clear();
    }

    /** Changes 有效性 (a normative document amended or repealed); anything but valid needs its date. */
    public void setValidity(Validity validity, LocalDate since) {
        requireState(RecordAction.SET_VALIDITY);
        if (validity == null || (validity != Validity.VALID && since == null)) {
            throw new InvalidInputProblem("since", "请填写修订或废止的日期。");
        }
        this.validity = validity;
        this.validitySince = since;
    }

    public void noInterpretationReason(String reason) {
        this.noInterpretationReason = reason;
    }

    public void maskingNote(String note) {
        this.maskingNote = note;
    }

    public Long getId() {
        return id;
    }

    public String getIndexNo() {
        return indexNo;
    }

    public String getCatalogItem() {
        return catalogItem;
    }

    public String getOrgCode() {
        return orgCode;
    }

    public RecordStatus getStatus() {
        return status;
    }

    public Audience getAudience() {
        return content.audience();
    }

    public String getAccessCode() {
        return accessCode;
    }

    public int getPublishedVersion() {
        return publishedVersion;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public Instant getScheduledAt() {
        return scheduledAt;
    }

    public Instant getFirstPublishedAt() {
        return firstPublishedAt;
    }

    public Instant getLastPublishedAt() {
        return lastPublishedAt;
    }

    public Instant getWithdrawnAt() {
        return withdrawnAt;
    }

    public String getWithdrawalReason() {
        return withdrawalReason;
    }

    public Validity getValidity() {
        return validity;
    }

    public LocalDate getValiditySince() {
        return validitySince;
    }

    public String getNoInterpretationReason() {
        return noInterpretationReason;
    }

    public String getMaskingNote() {
        return maskingNote;
    }

    /** Who changed the working copy in this round (拟稿). */
    Set<String> drafters() {
        return Set.copyOf(editors);
    }

    public boolean isDemo() {
        return demo;
    }
}
