package gongkai.publishing.internal;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import gongkai.catalog.CatalogItem;
import gongkai.publishing.Attachment;
import gongkai.publishing.internal.input.AttachmentStorage;
import gongkai.publishing.internal.input.RowImport;
import gongkai.publishing.internal.input.RowImporter;
import gongkai.publishing.internal.input.StoredFile;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.InvalidInputProblem.FieldError;

/** The files an editor brings to a working copy: attachments, stored by content, and sheets of structured rows. */
@Component
public class RecordFiles {

    private final RecordAttachmentRepository attachments;
    private final AttachmentStorage storage;
    private final RowImporter rowImporter;

    RecordFiles(RecordAttachmentRepository attachments, AttachmentStorage storage, RowImporter rowImporter) {
        this.attachments = attachments;
        this.storage = storage;
        this.rowImporter = rowImporter;
    }

    /** The record's attachments in their order. */
    public List<RecordAttachmentEntity> attachments(RecordEntity record) {
        return attachments.findByRecordIdOrderByPositionAsc(record.getId());
    }

    /**
     * Stores the file, its type detected from the content, as the record's last attachment. An image is refused
     * without a description (its alternative text and caption), or with one over
     * {@value Attachment#MAX_IMAGE_DESCRIPTION} characters.
     */
    public Attachment attach(RecordEntity record, String filename, InputStream content, String altText) {
        StoredFile file = storage.store(filename, content);
        String description = altText == null || altText.isBlank() ? null : altText.strip();
        Attachment candidate = new Attachment(file.sha256(), file.originalName(), file.mediaType(), file.size(),
                description);
        if (candidate.image() && description == null) {
            throw new InvalidInputProblem("altText", "“" + file.originalName()
                    + "”是图片，请填写图片说明：用一两句话写明图片的内容，公开页面将其作为图片的文字说明，读屏软件也会朗读。");
        }
        if (candidate.image() && description.length() > Attachment.MAX_IMAGE_DESCRIPTION) {
            throw new InvalidInputProblem("altText", "图片说明不能超过" + Attachment.MAX_IMAGE_DESCRIPTION + "个字，现有"
                    + description.length() + "个字。");
        }
        RecordAttachmentEntity saved = attachments.save(new RecordAttachmentEntity(record.getId(),
                attachments(record).size(), file.sha256(), file.originalName(), file.mediaType(), file.size(),
                file.textExtracted() ? file.text() : null, description));
        return saved.toAttachment();
    }

    /** Removes the attachment with this content; returns the name it was uploaded with. */
    public String detach(RecordEntity record, String sha256) {
        RecordAttachmentEntity a = attachments(record).stream()
                .filter(x -> x.toAttachment().sha256().equals(sha256)).findFirst()
                .orElseThrow(() -> new InvalidInputProblem("attachment", "该记录没有这个附件。"));
        attachments.delete(a);
        return a.getOriginalName();
    }

    /** The XLSX template of the item's structured data, to fill and import (see {@link RowImporter#template}). */
    public byte[] template(CatalogItem item) {
        if (!item.hasSchema()) {
            throw new NotFoundProblem("事项“" + item.name() + "”没有结构化数据项，没有导入模板。");
        }
        return rowImporter.template(item);
    }

    /** The rows of an XLSX or CSV sheet for the item: all of them, or every bad row named and none. */
    public List<Map<String, String>> rows(String filename, InputStream content, CatalogItem item) {
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
        return result.rows();
    }
}
