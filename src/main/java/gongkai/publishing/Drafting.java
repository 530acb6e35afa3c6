package gongkai.publishing;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogItem;
import gongkai.privacy.Finding;
import gongkai.publishing.internal.EntryCheck;
import gongkai.publishing.internal.RecordEntity;
import gongkai.publishing.internal.RecordFiles;
import gongkai.publishing.internal.RecordJournal;
import gongkai.publishing.internal.RecordLookup;
import gongkai.publishing.internal.RecordRepository;
import gongkai.publishing.internal.RowsJson;
import gongkai.publishing.internal.SuggestedMasking;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.InvalidInputProblem.FieldError;
import gongkai.shared.Role;

/**
 * Drafting (拟稿): an EDITOR of the organisation enters a record against the catalogue and works on its working copy
 * (content, attachments, imported rows, suggested masking) while the record is theirs, that is a draft or returned.
 * Whoever changes the working copy joins the round's drafters, who may then neither review nor approve it. Input is
 * checked once, by {@link EntryCheck}; each change is audited.
 */
@Service
@Transactional
public class Drafting {

    private final RecordRepository records;
    private final RecordLookup lookup;
    private final EntryCheck entryCheck;
    private final SuggestedMasking masking;
    private final RecordFiles files;
    private final RowsJson rowsJson;
    private final Catalog catalog;
    private final RecordJournal journal;
    private final Clock clock;

    Drafting(RecordRepository records, RecordLookup lookup, EntryCheck entryCheck, SuggestedMasking masking,
            RecordFiles files, RowsJson rowsJson, Catalog catalog, RecordJournal journal, Clock clock) {
        this.records = records;
        this.lookup = lookup;
        this.entryCheck = entryCheck;
        this.masking = masking;
        this.files = files;
        this.rowsJson = rowsJson;
        this.catalog = catalog;
        this.journal = journal;
        this.clock = clock;
    }

    /** A new draft for the actor's organisation; returns its draft key. */
    public String create(RecordInput input) {
        return create(input, false);
    }

    /** A new draft; {@code demo} marks fictitious demo records (示例数据). */
    public String create(RecordInput input, boolean demo) {
        Actor actor = Actor.require();
        if (!actor.canActFor(input.org(), Role.EDITOR)) {
            throw new AccessDeniedProblem("您只能以本单位信息员身份录入信息。");
        }
        return newDraft(input, demo, actor).ref();
    }

    /** The draft itself, once the caller has checked who may write it (the editor, or the fast path's approver). */
    RecordEntity newDraft(RecordInput input, boolean demo, Actor actor) {
        CatalogItem item = catalog.item(input.catalogItem()).filter(i -> !i.retired())
                .orElseThrow(() -> new InvalidInputProblem("catalogItem", "目录中没有代码为“" + input.catalogItem()
                        + "”的在用事项。"));
        RecordEntity.WorkingCopy copy = entryCheck.entered(input, item);
        RecordEntity record = new RecordEntity(item.code(), input.org(), actor.username(), demo);
        record.edit(copy, actor.username());
        record = records.save(record);
        journal.stepAndAudit(record, RecordStep.Kind.CREATE, "", "record.create", "新建草稿：" + copy.title());
        return record;
    }

    /** Replaces the working copy of a draft or a returned record. */
    public void update(String ref, RecordInput input) {
        RecordEntity record = lookup.require(ref);
        Actor actor = allowed(record, RecordAction.EDIT);
        if (!record.getCatalogItem().equals(input.catalogItem()) || !record.getOrgCode().equals(input.org())) {
            throw new InvalidInputProblem("catalogItem", "已创建的记录不能更换目录事项或发布机构，请新建一条。");
        }
        record.edit(entryCheck.entered(input, catalog.requireItem(record.getCatalogItem())), actor.username());
        journal.audit("record.update", record, "修改草稿");
    }

    /**
     * Applies the privacy guard's suggested masking to the working copy in one action (the editor's
     * "应用遮蔽建议"); the reason is recorded. Returns how many places were masked.
     */
    public int applySuggestedMasking(String ref, String reason) {
        RecordEntity record = lookup.require(ref);
        Actor actor = allowed(record, RecordAction.EDIT);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputProblem("reason", "请说明遮蔽的理由（例如：面向社会公开，依法保护个人隐私）。");
        }
        SuggestedMasking.Masked masked = masking.mask(record);
        if (masked.count() == 0) {
            return 0;
        }
        record.edit(masked.copy(), actor.username());
        record.maskingNote(reason.strip());
        journal.stepAndAudit(record, RecordStep.Kind.MASK, "遮蔽" + masked.count() + "处：" + reason.strip(),
                "record.mask", "应用遮蔽建议" + masked.count() + "处，理由：" + reason.strip());
        return masked.count();
    }

    /** Adds an attachment to the working copy; its type is detected from the content. */
    public Attachment addAttachment(String ref, String filename, InputStream content, String altText) {
        RecordEntity record = lookup.require(ref);
        record.editedBy(allowed(record, RecordAction.ADD_ATTACHMENT).username(), RecordAction.ADD_ATTACHMENT);
        Attachment saved = files.attach(record, filename, content, altText);
        journal.audit("record.attach", record, "添加附件：" + saved.name());
        return saved;
    }

    public void removeAttachment(String ref, String sha256) {
        RecordEntity record = lookup.require(ref);
        record.editedBy(allowed(record, RecordAction.REMOVE_ATTACHMENT).username(), RecordAction.REMOVE_ATTACHMENT);
        journal.audit("record.detach", record, "删除附件：" + files.detach(record, sha256));
    }

    /**
     * Replaces the structured rows from an XLSX or CSV file: all or nothing; a bad file changes nothing and every
     * bad row is named. Returns the number of rows imported.
     */
    public int importRows(String ref, String filename, InputStream content) {
        RecordEntity record = lookup.require(ref);
        Actor actor = allowed(record, RecordAction.IMPORT_ROWS);
        var rows = files.rows(filename, content, catalog.requireItem(record.getCatalogItem()));
        record.edit(record.content().withRows(rowsJson.write(rows)), actor.username());
        journal.audit("record.import", record, "从“" + filename + "”导入数据" + rows.size() + "行");
        return rows.size();
    }

    /** What would stop a submission now, for the editor's form. */
    @Transactional(readOnly = true)
    public List<FieldError> entryProblems(String ref) {
        RecordEntity record = lookup.require(ref);
        allowed(record, RecordAction.CHECK);
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
        allowed(record, RecordAction.CHECK);
        RecordEntity.WorkingCopy c = record.content();
        CatalogItem item = catalog.requireItem(record.getCatalogItem());
        return entryCheck.findings(entryCheck.publicTexts(c, item, rowsJson.read(c.dataJson()),
                files.attachments(record)), c.audience());
    }

    /** The entry standard (信息录入规范) the working copy fails, with every reason; the review asks it at submission. */
    List<FieldError> entryProblems(RecordEntity record) {
        CatalogItem item = catalog.requireItem(record.getCatalogItem());
        return entryCheck.problems(record.content(), item, files.attachments(record), LocalDate.now(clock));
    }

    /** The signed-in person, when the record allows them the action now; otherwise its refusal. */
    static Actor allowed(RecordEntity record, RecordAction action) {
        Actor actor = Actor.require();
        record.allowedActions(actor).require(action);
        return actor;
    }
}
