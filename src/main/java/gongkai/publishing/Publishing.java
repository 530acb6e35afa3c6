package gongkai.publishing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.catalog.Catalog;
import gongkai.publishing.internal.PublicationStep;
import gongkai.publishing.internal.RecordEntity;
import gongkai.publishing.internal.RecordJournal;
import gongkai.publishing.internal.RecordLookup;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.Role;

/**
 * The way a drafted record becomes public (三审): the EDITOR submits, a REVIEWER checks, an APPROVER publishes, three
 * different people; later the approver may withdraw it or change its validity, and an editor may open a new
 * version. The record decides who may take which step now ({@link #allowedActions(String)}), for this service and
 * the pages alike; each step is recorded with its comment and audited. Publication gives the index number, freezes
 * a version and commits its event in the same transaction.
 */
@Service
@Transactional
public class Publishing {

    private final RecordLookup lookup;
    private final Drafting drafting;
    private final PublicationStep publication;
    private final Catalog catalog;
    private final RecordJournal journal;

    Publishing(RecordLookup lookup, Drafting drafting, PublicationStep publication, Catalog catalog,
            RecordJournal journal) {
        this.lookup = lookup;
        this.drafting = drafting;
        this.publication = publication;
        this.catalog = catalog;
        this.journal = journal;
    }

    /** What the signed-in person may do to the record now, and for each refusal why: pages offer buttons on this. */
    @Transactional(readOnly = true)
    public RecordActions allowedActions(String ref) {
        return lookup.require(ref).allowedActions(Actor.require());
    }

    /** To review: refused, with every reason, unless the record meets the entry standard. */
    public void submit(String ref) {
        RecordEntity record = lookup.require(ref);
        Actor actor = Drafting.allowed(record, RecordAction.SUBMIT);
        List<InvalidInputProblem.FieldError> problems = drafting.entryProblems(record);
        if (!problems.isEmpty()) {
            throw new InvalidInputProblem(problems);
        }
        record.submit(actor.username());
        journal.stepAndAudit(record, RecordStep.Kind.SUBMIT, "", "record.submit", "提交审核");
    }

    /** The first check (审核). A rejection needs a comment and goes back to the editor. */
    public void review(String ref, Decision decision, String comment) {
        RecordEntity record = lookup.require(ref);
        record.review(decision, comment, Actor.require());
        if (decision == Decision.REJECT) {
            sentBack(record, RecordStep.Kind.REVIEW_REJECT, "record.review", comment);
            return;
        }
        journal.stepAndAudit(record, RecordStep.Kind.REVIEW_PASS, comment, "record.review", "审核通过"
                + (comment == null || comment.isBlank() ? "" : "：" + comment.strip()));
    }

    /**
     * Approval (审批). On PASS the record is published at once, or at {@code publishAt} when that is in the future
     * (定时发布). A policy document is published together with its reviewed interpretations (同步审签); without
     * one the approver must record why. Returns what the approval made of the record.
     */
    public Approval approve(String ref, Decision decision, String comment, Instant publishAt,
            String noInterpretationReason) {
        RecordEntity record = lookup.require(ref);
        Actor actor = Actor.require();
        if (decision == Decision.REJECT) {
            record.rejectApproval(comment, actor);
            sentBack(record, RecordStep.Kind.APPROVE_REJECT, "record.approve", comment);
            return approval(record, null);
        }
        record.allowedActions(actor).require(RecordAction.APPROVE);
        List<RecordEntity> interpretations = publication.interpretationsToPublishWith(record);
        for (RecordEntity interpretation : interpretations) {
            // Approving the policy approves the interpretations published with it: the same people are kept out.
            StepPermission p = interpretation.allowedActions(actor).get(RecordAction.APPROVE);
            if (!p.granted()) {
                throw new AccessDeniedProblem("同步发布的解读“" + interpretation.content().title() + "”：" + p.reason());
            }
        }
        if (catalog.requireItem(record.getCatalogItem()).policyDocument() && record.content().interpretationOf() == null
                && interpretations.isEmpty() && !publication.hasPublishedInterpretation(record)) {
            if (noInterpretationReason == null || noInterpretationReason.isBlank()) {
                throw new InvalidInputProblem("noInterpretationReason", "本事项为政策文件，应同步发布政策解读："
                        + "请先将解读送审至“待审批”，或填写不同步发布解读的理由。");
            }
            record.noInterpretationReason(noInterpretationReason.strip());
        }
        if (record.content().interpretationOf() != null) {
            publication.requirePolicyPublishedOrTogether(record);
        }
        journal.step(record, RecordStep.Kind.APPROVE, comment);
        Instant now = journal.now();
        if (publishAt != null && publishAt.isAfter(now)) {
            record.schedule(publishAt);
            journal.stepAndAudit(record, RecordStep.Kind.SCHEDULE, "定于 " + publishAt + " 发布", "record.schedule",
                    "审批通过，定时发布：" + publishAt);
            return approval(record, publishAt);
        }
        publication.publish(record, actor.username(), now);
        for (RecordEntity interpretation : interpretations) {
            publication.publish(interpretation, actor.username(), now);
        }
        return approval(record, now);
    }

    /**
     * The fast path of an emergency (紧急发布): the signed-in APPROVER writes the record and publishes it at once,
     * without 三审, on {@code grounds} recorded in its history. The entry standard and the privacy guard apply as at
     * any submission. Only the emergency module calls this, after its {@code FastPath} rule allowed the actor; the
     * confirmation by a second person follows ({@link #confirmFastTrack}). Returns the published record.
     */
    public Approval publishAtOnce(RecordInput input, String grounds, boolean demo) {
        Actor actor = Actor.require();
        if (!actor.canActFor(input.org(), Role.APPROVER)) {
            throw new AccessDeniedProblem("只有本单位的审批人员可以紧急发布信息。");
        }
        RecordEntity record = drafting.newDraft(input, demo, actor);
        List<InvalidInputProblem.FieldError> problems = drafting.entryProblems(record);
        if (!problems.isEmpty()) {
            throw new InvalidInputProblem(problems);
        }
        record.fastTracked(actor.username());
        journal.stepAndAudit(record, RecordStep.Kind.FAST_TRACK, grounds, "record.fast-track",
                "紧急发布（免三审，待复核）：" + grounds);
        Instant now = journal.now();
        publication.publish(record, actor.username(), now);
        return approval(record, now);
    }

    /**
     * Records in the history of a record published at once that a second person confirmed it. The emergency module
     * decides who may ({@code FastPath}); here only that the record was fast-tracked and not yet confirmed.
     */
    public void confirmFastTrack(String ref, String comment) {
        RecordEntity record = lookup.require(ref);
        List<RecordStep.Kind> kinds = journal.steps(record).stream().map(RecordStep::kind).toList();
        if (!kinds.contains(RecordStep.Kind.FAST_TRACK)) {
            throw new ConflictProblem("这条信息不是紧急发布的，无需复核确认。");
        }
        if (kinds.contains(RecordStep.Kind.FAST_TRACK_CONFIRM)) {
            throw new ConflictProblem("这条紧急发布的信息已复核确认。");
        }
        journal.stepAndAudit(record, RecordStep.Kind.FAST_TRACK_CONFIRM, comment == null ? "" : comment.strip(),
                "record.fast-track-confirm", "紧急发布复核确认");
    }

    /** Withdraws a published record (撤回): its page stays, with a notice and the reason. */
    public void withdraw(String ref, String reason) {
        RecordEntity record = lookup.require(ref);
        Actor actor = Drafting.allowed(record, RecordAction.WITHDRAW);
        publication.withdraw(record, actor.username(), reason, journal.now());
    }

    /** Opens a published record for a new version; the published one stays public until the next approval. */
    public void revise(String ref) {
        RecordEntity record = lookup.require(ref);
        Drafting.allowed(record, RecordAction.REOPEN);
        record.reopen();
        journal.stepAndAudit(record, RecordStep.Kind.REVISE, "开始修订第" + (record.getPublishedVersion() + 1) + "版",
                "record.revise", "开始修订");
    }

    /** Changes 有效性 (a normative document amended or repealed) of a published record. */
    public void setValidity(String ref, Validity validity, LocalDate since) {
        RecordEntity record = lookup.require(ref);
        Drafting.allowed(record, RecordAction.SET_VALIDITY);
        record.setValidity(validity, since);
        journal.stepAndAudit(record, RecordStep.Kind.VALIDITY,
                validity.label() + (since == null ? "" : "（" + since + "）"), "record.validity",
                "有效性改为：" + validity.label());
    }

    /** The record is back with its editor; the step and the audit line carry the comment. */
    private void sentBack(RecordEntity record, RecordStep.Kind kind, String action, String comment) {
        journal.stepAndAudit(record, kind, comment, action, kind.label() + "：" + comment.strip());
    }

    private static Approval approval(RecordEntity record, Instant at) {
        return new Approval(record.ref(), record.getStatus(), record.getPublishedVersion(), at);
    }
}
