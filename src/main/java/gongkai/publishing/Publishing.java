package gongkai.publishing;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.catalog.Audience;
import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogField;
import gongkai.catalog.CatalogItem;
import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.privacy.Finding;
import gongkai.privacy.PersonalDataGuard;
import gongkai.publishing.internal.BodySanitizer;
import gongkai.publishing.internal.EntryCheck;
import gongkai.publishing.internal.PublicationStep;
import gongkai.publishing.internal.RecordAttachmentEntity;
import gongkai.publishing.internal.RecordAttachmentRepository;
import gongkai.publishing.internal.RecordEntity;
import gongkai.publishing.internal.RecordLookup;
import gongkai.publishing.internal.RecordRepository;
import gongkai.publishing.internal.RecordStepEntity;
import gongkai.publishing.internal.RecordStepRepository;
import gongkai.publishing.internal.RowsJson;
import gongkai.publishing.internal.input.AttachmentStorage;
import gongkai.publishing.internal.input.RowImport;
import gongkai.publishing.internal.input.RowImporter;
import gongkai.publishing.internal.input.StoredFile;
import gongkai.region.Region;
import gongkai.region.Regions;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.AuditedChange;
import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.InvalidInputProblem.FieldError;
import gongkai.shared.Role;

/**
 * The way a piece of information travels: an EDITOR drafts and submits, a REVIEWER checks, an APPROVER publishes
 * (三审): three different people. Whoever changed or submitted the working copy in the current round may neither
 * review nor approve it, and the reviewer may not approve it; the record itself answers who may
 * ({@link #mayReview(String)}, {@link #mayApprove(String)}), for this service and for the pages alike. Each step is
 * checked against the actor's organisation and role, recorded with its comment, and audited. Publication gives the
 * index number, freezes a version and commits its event in the same transaction.
 */
@Service
@Transactional
public class Publishing {

    private final RecordRepository records;
    private final RecordStepRepository steps;
    private final RecordAttachmentRepository attachments;
    private final RecordLookup lookup;
    private final PublicationStep publication;
    private final EntryCheck entryCheck;
    private final BodySanitizer sanitizer;
    private final RowsJson rowsJson;
    private final PersonalDataGuard guard;
    private final AttachmentStorage storage;
    private final RowImporter rowImporter;
    private final Catalog catalog;
    private final Organisations organisations;
    private final Regions regions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Publishing(RecordRepository records, RecordStepRepository steps, RecordAttachmentRepository attachments,
            RecordLookup lookup, PublicationStep publication, EntryCheck entryCheck, BodySanitizer sanitizer,
            RowsJson rowsJson, PersonalDataGuard guard, AttachmentStorage storage, RowImporter rowImporter,
            Catalog catalog, Organisations organisations, Regions regions, ApplicationEventPublisher events,
            Clock clock) {
        this.records = records;
        this.steps = steps;
        this.attachments = attachments;
        this.lookup = lookup;
        this.publication = publication;
        this.entryCheck = entryCheck;
        this.sanitizer = sanitizer;
        this.rowsJson = rowsJson;
        this.guard = guard;
        this.storage = storage;
        this.rowImporter = rowImporter;
        this.catalog = catalog;
        this.organisations = organisations;
        this.regions = regions;
        this.events = events;
        this.clock = clock;
    }

    /** A new draft for the actor's organisation. */
    public String create(RecordInput input) {
        return create(input, false);
    }

    /** A new draft; {@code demo} marks fictitious demo records (示例数据). */
    public String create(RecordInput input, boolean demo) {
        Actor actor = Actor.require();
        if (!actor.canActFor(input.org(), Role.EDITOR)) {
            throw new AccessDeniedProblem("您只能以本单位信息员身份录入信息。");
        }
        CatalogItem item = catalog.item(input.catalogItem()).filter(i -> !i.retired())
                .orElseThrow(() -> new InvalidInputProblem("catalogItem", "目录中没有代码为“" + input.catalogItem()
                        + "”的在用事项。"));
        RecordEntity.WorkingCopy copy = workingCopy(input, item);
        RecordEntity record = new RecordEntity(item.code(), input.org(), actor.username(), demo);
        record.edit(copy, actor.username());
        record = records.save(record);
        step(record, RecordStep.Kind.CREATE, "");
        audit("record.create", record, "新建草稿：" + copy.title());
        return record.ref();
    }

    /** Replaces the working copy of a draft or a returned record. */
    public void update(String ref, RecordInput input) {
        RecordEntity record = lookup.require(ref);
        Actor actor = requireRole(record, Role.EDITOR, "修改");
        if (!record.getCatalogItem().equals(input.catalogItem()) || !record.getOrgCode().equals(input.org())) {
            throw new InvalidInputProblem("catalogItem", "已创建的记录不能更换目录事项或发布机构，请新建一条。");
        }
        record.edit(workingCopy(input, catalog.requireItem(record.getCatalogItem())), actor.username());
        audit("record.update", record, "修改草稿");
    }

    /** To review: refused, with every reason, unless the record meets the entry standard. */
    public void submit(String ref) {
        RecordEntity record = lookup.require(ref);
        requireRole(record, Role.EDITOR, "提交");
        if (!record.getStatus().editable()) {
            throw new ConflictProblem("记录当前状态为“" + record.getStatus().label() + "”，不能提交。");
        }
        List<FieldError> problems = entryProblems(record);
        if (!problems.isEmpty()) {
            throw new InvalidInputProblem(problems);
        }
        record.submittedBy(Actor.require().username());
        record.moveTo(RecordStatus.SUBMITTED);
        step(record, RecordStep.Kind.SUBMIT, "");
        audit("record.submit", record, "提交审核");
    }

    /** The first check (审核). A rejection needs a comment and goes back to the editor. */
    public void review(String ref, Decision decision, String comment) {
        RecordEntity record = lookup.require(ref);
        Actor actor = Actor.require();
        record.mayReview(actor).orThrow();
        if (decision == Decision.REJECT) {
            sendBack(record, RecordStep.Kind.REVIEW_REJECT, "record.review", comment);
            return;
        }
        record.reviewedBy(actor.username());
        record.moveTo(RecordStatus.REVIEWED);
        step(record, RecordStep.Kind.REVIEW_PASS, comment);
        audit("record.review", record, "审核通过" + suffix(comment));
    }

    /**
     * Approval (审批). On PASS the record is published at once, or at {@code publishAt} when that is in the future
     * (定时发布). A policy document is published together with its reviewed interpretations (同步审签); without
     * one the approver must record why.
     */
    public void approve(String ref, Decision decision, String comment, Instant publishAt,
            String noInterpretationReason) {
        RecordEntity record = lookup.require(ref);
        Actor actor = Actor.require();
        record.mayApprove(actor).orThrow();
        if (decision == Decision.REJECT) {
            sendBack(record, RecordStep.Kind.APPROVE_REJECT, "record.approve", comment);
            return;
        }
        CatalogItem item = catalog.requireItem(record.getCatalogItem());
        List<RecordEntity> interpretations = publication.interpretationsToPublishWith(record);
        for (RecordEntity interpretation : interpretations) {
            // Approving the policy approves the interpretations published with it: the same people are kept out.
            StepPermission p = interpretation.mayApprove(actor);
            if (!p.granted()) {
                throw new AccessDeniedProblem("同步发布的解读“" + interpretation.content().title() + "”：" + p.reason());
            }
        }
        if (item.policyDocument() && record.content().interpretationOf() == null && interpretations.isEmpty()
                && !publication.hasPublishedInterpretation(record)) {
            if (noInterpretationReason == null || noInterpretationReason.isBlank()) {
                throw new InvalidInputProblem("noInterpretationReason", "本事项为政策文件，应同步发布政策解读："
                        + "请先将解读送审至“待审批”，或填写不同步发布解读的理由。");
            }
            record.noInterpretationReason(noInterpretationReason.strip());
        }
        if (record.content().interpretationOf() != null) {
            publication.requirePolicyPublishedOrTogether(record);
        }
        step(record, RecordStep.Kind.APPROVE, comment);
        Instant now = Instant.now(clock);
        if (publishAt != null && publishAt.isAfter(now)) {
            record.schedule(publishAt);
            step(record, RecordStep.Kind.SCHEDULE, "定于 " + publishAt + " 发布");
            audit("record.schedule", record, "审批通过，定时发布：" + publishAt);
            return;
        }
        publication.publish(record, actor.username(), now);
        for (RecordEntity interpretation : interpretations) {
            publication.publish(interpretation, actor.username(), now);
        }
    }

    /** Whether the signed-in person may review the record now, and if not why: the page offers the form on this. */
    @Transactional(readOnly = true)
    public StepPermission mayReview(String ref) {
        return lookup.require(ref).mayReview(Actor.require());
    }

    /** Whether the signed-in person may approve the record now, and if not why. */
    @Transactional(readOnly = true)
    public StepPermission mayApprove(String ref) {
        return lookup.require(ref).mayApprove(Actor.require());
    }

    /** Withdraws a published record (撤回): its page stays, with a notice and the reason. */
    public void withdraw(String ref, String reason) {
        RecordEntity record = lookup.require(ref);
        Actor actor = requireRole(record, Role.APPROVER, "撤回");
        if (record.getPublishedVersion() == 0 || record.getStatus() == RecordStatus.WITHDRAWN) {
            throw new ConflictProblem("只有已发布的信息可以撤回。");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputProblem("reason", "请填写撤回理由，它将显示在信息页面上。");
        }
        publication.withdraw(record, actor.username(), reason.strip(), Instant.now(clock));
    }

    /** Opens a published record for a new version; the published one stays public until the next approval. */
    public void revise(String ref) {
        RecordEntity record = lookup.require(ref);
        requireRole(record, Role.EDITOR, "修订");
        record.require(RecordStatus.PUBLISHED, "修订");
        record.reopen();
        step(record, RecordStep.Kind.REVISE, "开始修订第" + (record.getPublishedVersion() + 1) + "版");
        audit("record.revise", record, "开始修订");
    }

    /** Changes 有效性 (a normative document amended or repealed) of a published record. */
    public void setValidity(String ref, Validity validity, LocalDate since) {
        RecordEntity record = lookup.require(ref);
        requireRole(record, Role.APPROVER, "变更有效性");
        if (record.getPublishedVersion() == 0) {
            throw new ConflictProblem("只有已发布的信息可以变更有效性。");
        }
        if (validity == null || (validity != Validity.VALID && since == null)) {
            throw new InvalidInputProblem("since", "请填写修订或废止的日期。");
        }
        record.setValidity(validity, since);
        step(record, RecordStep.Kind.VALIDITY, validity.label() + (since == null ? "" : "（" + since + "）"));
        audit("record.validity", record, "有效性改为：" + validity.label());
    }

    /**
     * Applies the privacy guard's suggested masking to the working copy in one action (the editor's
     * "应用遮蔽建议"); the reason is recorded. Returns how many places were masked.
     */
    public int applySuggestedMasking(String ref, String reason) {
        RecordEntity record = lookup.require(ref);
        Actor actor = requireRole(record, Role.EDITOR, "修改");
        if (!record.getStatus().editable()) {
            throw new ConflictProblem("记录当前状态为“" + record.getStatus().label() + "”，不能修改。");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputProblem("reason", "请说明遮蔽的理由（例如：面向社会公开，依法保护个人隐私）。");
        }
        RecordEntity.WorkingCopy c = record.content();
        CatalogItem item = catalog.requireItem(record.getCatalogItem());
        int[] count = {0};
        String title = mask(c.title(), "标题", c.audience(), count);
        String summary = mask(c.summary(), "内容概述", c.audience(), count);
        String body = mask(c.body(), "正文", c.audience(), count);
        List<Map<String, String>> rows = new ArrayList<>();
        List<Map<String, String>> oldRows = rowsJson.read(c.dataJson());
        for (int r = 0; r < oldRows.size(); r++) {
            Map<String, String> row = new LinkedHashMap<>(oldRows.get(r));
            for (EntryCheck.Text t : entryCheck.texts(c, item, List.of(oldRows.get(r)))) {
                if (t.where().startsWith("数据")) {
                    String field = t.where().substring(t.where().indexOf('“') + 1, t.where().lastIndexOf('”'));
                    row.put(field, mask(t.text(), "数据第" + (r + 1) + "行“" + field + "”", c.audience(), count));
                }
            }
            rows.add(row);
        }
        if (count[0] == 0) {
            return 0;
        }
        record.edit(c.withText(title, summary, body, rowsJson.write(rows)), actor.username());
        record.maskingNote(reason.strip());
        step(record, RecordStep.Kind.MASK, "遮蔽" + count[0] + "处：" + reason.strip());
        audit("record.mask", record, "应用遮蔽建议" + count[0] + "处，理由：" + reason.strip());
        return count[0];
    }

    /** Adds an attachment to the working copy; its type is detected from the content. */
    public Attachment addAttachment(String ref, String filename, InputStream content, String altText) {
        RecordEntity record = lookup.require(ref);
        Actor actor = requireRole(record, Role.EDITOR, "修改");
        record.editedBy(actor.username(), "添加附件");
        StoredFile file = storage.store(filename, content);
        int position = attachments.findByRecordIdOrderByPositionAsc(record.getId()).size();
        RecordAttachmentEntity saved = attachments.save(new RecordAttachmentEntity(record.getId(), position,
                file.sha256(), file.originalName(), file.mediaType(), file.size(),
                file.textExtracted() ? file.text() : null, altText == null ? null : altText.strip()));
        audit("record.attach", record, "添加附件：" + file.originalName());
        return saved.toAttachment();
    }

    public void removeAttachment(String ref, String sha256) {
        RecordEntity record = lookup.require(ref);
        Actor actor = requireRole(record, Role.EDITOR, "修改");
        record.editedBy(actor.username(), "删除附件");
        RecordAttachmentEntity a = attachments.findByRecordIdOrderByPositionAsc(record.getId()).stream()
                .filter(x -> x.toAttachment().sha256().equals(sha256)).findFirst()
                .orElseThrow(() -> new InvalidInputProblem("attachment", "该记录没有这个附件。"));
        attachments.delete(a);
        audit("record.detach", record, "删除附件：" + a.getOriginalName());
    }

    /**
     * Replaces the structured rows from an XLSX or CSV file: all or nothing; a bad file changes nothing and every
     * bad row is named. Returns the number of rows imported.
     */
    public int importRows(String ref, String filename, InputStream content) {
        RecordEntity record = lookup.require(ref);
        Actor actor = requireRole(record, Role.EDITOR, "修改");
        if (!record.getStatus().editable()) {
            throw new ConflictProblem("记录当前状态为“" + record.getStatus().label() + "”，不能导入数据。");
        }
        CatalogItem item = catalog.requireItem(record.getCatalogItem());
        if (!item.hasSchema()) {
            throw new InvalidInputProblem("file", "事项“" + item.name() + "”没有结构化数据字段，无需导入。");
        }
        RowImport result = rowImporter.parse(filename, content, item);
        if (!result.ok()) {
            throw new InvalidInputProblem(result.errors().stream()
                    .map(e -> new FieldError("file", "第" + e.row() + "行" + (e.field() == null || e.field().isBlank()
                            ? "" : "“" + e.field() + "”") + "：" + e.message()))
                    .toList());
        }
        RecordEntity.WorkingCopy c = record.content();
        record.edit(c.withRows(rowsJson.write(result.rows())), actor.username());
        audit("record.import", record, "从“" + filename + "”导入数据" + result.rows().size() + "行");
        return result.rows().size();
    }

    /** What would stop a submission now, for the editor's form. */
    @Transactional(readOnly = true)
    public List<FieldError> entryProblems(String ref) {
        RecordEntity record = lookup.require(ref);
        requireRole(record, Role.EDITOR, "查看");
        return entryProblems(record);
    }

    /**
     * The privacy guard's findings in everything of the working copy the public will see, attachments included,
     * with their suggested masking; those not {@link Finding#maskable() maskable} in one click must be removed by
     * hand.
     */
    @Transactional(readOnly = true)
    public List<Finding> privacyFindings(String ref) {
        RecordEntity record = lookup.require(ref);
        requireRole(record, Role.EDITOR, "查看");
        RecordEntity.WorkingCopy c = record.content();
        CatalogItem item = catalog.requireItem(record.getCatalogItem());
        return entryCheck.findings(entryCheck.publicTexts(c, item, rowsJson.read(c.dataJson()),
                attachments.findByRecordIdOrderByPositionAsc(record.getId())), c.audience());
    }

    private List<FieldError> entryProblems(RecordEntity record) {
        CatalogItem item = catalog.requireItem(record.getCatalogItem());
        return entryCheck.problems(record.content(), item,
                attachments.findByRecordIdOrderByPositionAsc(record.getId()), LocalDate.now(clock));
    }

    /** The text with what the one-click masking can mask masked; the rest is left for the editor to remove. */
    private String mask(String text, String where, Audience audience, int[] count) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<Finding> findings = entryCheck.findings(List.of(EntryCheck.Text.editable(where, text)), audience)
                .stream().filter(Finding::maskable).toList();
        count[0] += findings.size();
        return findings.isEmpty() ? text : guard.applySuggestions(text, findings);
    }

    private RecordEntity.WorkingCopy workingCopy(RecordInput in, CatalogItem item) {
        List<FieldError> errors = new ArrayList<>();
        if (in.title() == null || in.title().isBlank()) {
            errors.add(new FieldError("title", "名称不能为空。"));
        } else if (in.title().strip().length() > 500) {
            errors.add(new FieldError("title", "名称不能超过500个字。"));
        }
        if (in.writtenOn() == null) {
            errors.add(new FieldError("writtenOn", "请填写成文日期。"));
        }
        Organisation org = organisations.find(in.org()).orElse(null);
        if (org == null) {
            errors.add(new FieldError("org", "机构代码“" + in.org() + "”不存在。"));
        } else if (!item.ownerOrgs().contains(org.code()) && !(item.countyOwners() && !regions.isTop(org.regionCode()))) {
            errors.add(new FieldError("catalogItem", org.name() + "不是目录事项“" + item.name() + "”的责任单位。"));
        }
        Region region = regions.find(in.region()).orElse(null);
        if (region == null) {
            errors.add(new FieldError("region", "区划代码“" + in.region() + "”不存在。"));
        } else if (org != null && regions.path(region.code()).stream().noneMatch(r -> r.code().equals(org.regionCode()))) {
            errors.add(new FieldError("region", "所选区划不在" + org.name() + "的管辖范围内。"));
        }
        Audience audience = item.audience();
        if (in.audience() != null && !in.audience().isBlank()) {
            try {
                audience = Audience.parse(in.audience());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("audience", "公开范围只能是 public（面向社会）或 targeted（特定区域、特定群体）。"));
            }
            if (audience != item.audience()) {
                errors.add(new FieldError("audience", "事项“" + item.name() + "”的公开范围为“" + item.audience().label()
                        + "”。"));
            }
        }
        DisclosureMode mode = DisclosureMode.PROACTIVE;
        if (in.disclosureMode() != null && !in.disclosureMode().isBlank()) {
            try {
                mode = DisclosureMode.valueOf(in.disclosureMode().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("disclosureMode", "公开方式只能是 PROACTIVE（主动公开）或 ON_REQUEST（依申请公开）。"));
            }
        }
        String subject = in.subjectClass() == null || in.subjectClass().isBlank() ? item.subjectClass()
                : in.subjectClass().strip();
        if (!catalog.subjectClasses().isValid(subject)) {
            errors.add(new FieldError("subjectClass", "主题分类“" + subject + "”不在国务院主题分类中。"));
        }
        List<Map<String, String>> rows = normaliseRows(in.data(), item, errors);
        Long interpretationOf = null;
        InterpretationKind kind = null;
        if (in.interpretationOf() != null && !in.interpretationOf().isBlank()) {
            RecordEntity policy = lookup.find(in.interpretationOf().strip()).orElse(null);
            if (policy == null) {
                errors.add(new FieldError("interpretationOf", "没有索引号为“" + in.interpretationOf() + "”的政策文件。"));
            } else if (!catalog.requireItem(policy.getCatalogItem()).policyDocument()) {
                errors.add(new FieldError("interpretationOf", "“" + in.interpretationOf() + "”不是政策文件，不能为其发布解读。"));
            } else {
                interpretationOf = policy.getId();
            }
            try {
                kind = in.interpretationKind() == null || in.interpretationKind().isBlank() ? InterpretationKind.TEXT
                        : InterpretationKind.valueOf(in.interpretationKind().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("interpretationKind", "解读形式只能是 TEXT、GRAPHIC 或 QA。"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        List<String> keywords = in.keywords() == null ? List.of()
                : in.keywords().stream().map(String::strip).filter(k -> !k.isEmpty()).distinct().toList();
        return new RecordEntity.WorkingCopy(region.code(), audience,
                blankToNull(in.targetGroup()), mode, interpretationOf, kind, in.title().strip(), nz(in.summary()),
                sanitizer.sanitize(in.body()), blankToNull(in.documentNumber()), in.writtenOn(),
                String.join("、", keywords), subject, rowsJson.write(rows));
    }

    private static List<Map<String, String>> normaliseRows(List<Map<String, String>> data, CatalogItem item,
            List<FieldError> errors) {
        List<Map<String, String>> rows = new ArrayList<>();
        if (data == null) {
            return rows;
        }
        if (!item.hasSchema() && !data.isEmpty()) {
            errors.add(new FieldError("data", "事项“" + item.name() + "”没有结构化数据字段。"));
            return rows;
        }
        for (Map<String, String> in : data) {
            Map<String, String> row = new LinkedHashMap<>();
            for (CatalogField f : item.fields()) {
                String v = in == null ? null : in.get(f.name());
                if (v != null && !v.isBlank()) {
                    row.put(f.name(), v.strip());
                }
            }
            if (in != null) {
                in.keySet().stream().filter(k -> !row.containsKey(k)
                        && item.fields().stream().noneMatch(f -> f.name().equals(k))).forEach(k -> row.put(k, in.get(k)));
            }
            rows.add(row);
        }
        errors.addAll(EntryCheck.rowTypeProblems(item, rows));
        return rows;
    }

    private Actor requireRole(RecordEntity record, Role role, String action) {
        Actor actor = Actor.require();
        if (!actor.canActFor(record.getOrgCode(), role)) {
            throw new AccessDeniedProblem("只有本单位的" + role.label() + "可以" + action + "这条信息。");
        }
        return actor;
    }

    /** Returns the record to its editor; the comment says what to change and is required. */
    private void sendBack(RecordEntity record, RecordStep.Kind kind, String action, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new InvalidInputProblem("comment", "退回时请填写意见，说明需要修改的地方。");
        }
        record.moveTo(RecordStatus.REJECTED);
        step(record, kind, comment);
        audit(action, record, kind.label() + "：" + comment.strip());
    }

    private void step(RecordEntity record, RecordStep.Kind kind, String comment) {
        steps.save(new RecordStepEntity(record.getId(), kind, Actor.current().map(Actor::username).orElse("system"),
                comment, Instant.now(clock)));
    }

    private void audit(String action, RecordEntity record, String detail) {
        events.publishEvent(new AuditedChange(action, "record", record.ref(), detail));
    }

    private static String suffix(String comment) {
        return comment == null || comment.isBlank() ? "" : "：" + comment.strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
