package gongkai.publishing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
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
import gongkai.publishing.DisclosureMode;
import gongkai.publishing.InterpretationKind;
import gongkai.publishing.RecordStatus;
import gongkai.publishing.StepPermission;
import gongkai.publishing.StepPermission.Refusal;
import gongkai.publishing.Validity;
import gongkai.shared.Actor;
import gongkai.shared.ConflictProblem;
import gongkai.shared.Role;
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
        editedBy(editor, "修改");
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
                p.subjectClass(), p.dataJson());
    }

    /** The editable part of a record, as stored. */
    public record WorkingCopy(String region, Audience audience, String targetGroup, DisclosureMode disclosureMode,
            Long interpretationOf, InterpretationKind interpretationKind, String title, String summary, String body,
            String documentNumber, LocalDate writtenOn, String keywords, String subjectClass, String dataJson) {

        /** The same copy with other free text (after masking). */
        public WorkingCopy withText(String newTitle, String newSummary, String newBody, String newDataJson) {
            return new WorkingCopy(region, audience, targetGroup, disclosureMode, interpretationOf,
                    interpretationKind, newTitle, newSummary, newBody, documentNumber, writtenOn, keywords,
                    subjectClass, newDataJson);
        }

        /** The same copy with other structured rows (after an import). */
        public WorkingCopy withRows(String newDataJson) {
            return withText(title, summary, body, newDataJson);
        }
    }

    /**
     * Records a change to the working copy made beside it (attachments) or to it: refused unless the editor holds
     * the record; the editor joins this round's drafters.
     */
    public void editedBy(String editor, String action) {
        if (!status.editable()) {
            throw new ConflictProblem("记录当前状态为“" + status.label() + "”，不能" + action + "。");
        }
        editors.add(editor);
    }

    /** May the actor review (审核) this record now? Not if they changed or submitted its working copy. */
    public StepPermission mayReview(Actor actor) {
        return may(actor, Role.REVIEWER, RecordStatus.SUBMITTED, "审核");
    }

    /** May the actor approve (审批) this record now? Not if they drafted it, nor if they reviewed it. */
    public StepPermission mayApprove(Actor actor) {
        StepPermission p = may(actor, Role.APPROVER, RecordStatus.REVIEWED, "审批");
        if (p.granted() && actor.username().equals(reviewedBy)) {
            return StepPermission.refused(Refusal.DUTIES,
                    "您已审核这条信息，不能再审批它（三审须由拟稿、审核、审批三个不同的人完成）。");
        }
        return p;
    }

    private StepPermission may(Actor actor, Role role, RecordStatus expected, String action) {
        if (!actor.canActFor(orgCode, role)) {
            return StepPermission.refused(Refusal.ROLE, "只有本单位的" + role.label() + "可以" + action + "这条信息。");
        }
        if (status != expected) {
            return StepPermission.refused(Refusal.STATE, "记录当前状态为“" + status.label() + "”，不能" + action + "。");
        }
        if (editors.contains(actor.username())) {
            return StepPermission.refused(Refusal.DUTIES, "您参与了这条信息本轮的拟稿（录入、修改、导入、附件、遮蔽或提交），不能"
                    + action + "它（三审须由拟稿、审核、审批三个不同的人完成）。");
        }
        return StepPermission.GRANTED;
    }

    public void require(RecordStatus expected, String action) {
        if (status != expected) {
            throw new ConflictProblem("记录当前状态为“" + status.label() + "”，不能" + action + "。");
        }
    }

    public void moveTo(RecordStatus next) {
        this.status = next;
    }

    /** The submitter answers for the draft as its drafters do, and so joins them. */
    public void submittedBy(String username) {
        this.submittedBy = username;
        editors.add(username);
    }

    public void reviewedBy(String username) {
        this.reviewedBy = username;
    }

    public void schedule(Instant at) {
        this.scheduledAt = at;
        this.status = RecordStatus.SCHEDULED;
    }

    /** Marks a publication of the next version; the index number is given at the first one. */
    public void published(String newIndexNo, Instant at) {
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

    public void withdraw(String reason, Instant at) {
        this.status = RecordStatus.WITHDRAWN;
        this.withdrawalReason = reason;
        this.withdrawnAt = at;
    }

    /**
     * Starts a new version of a published record: the published one stays public until the next approval. A new
     * round begins: the last round's drafters may review or approve this one unless they change it again.
     */
    public void reopen() {
        this.status = RecordStatus.DRAFT;
        this.submittedBy = null;
        this.reviewedBy = null;
        this.editors.clear();
    }

    public void setValidity(Validity validity, LocalDate since) {
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

    public boolean isDemo() {
        return demo;
    }
}
