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

    /** Stores the file, its type detected from the content, as the record's last attachment. */
    public Attachment attach(RecordEntity record, String filename, InputStream content, String altText) {
        StoredFile file = storage.store(filename, content);
        RecordAttachmentEntity saved = attachments.save(new RecordAttachmentEntity(record.getId(),
                attachments(record).size(), file.sha256(), file.originalName(), file.mediaType(), file.size(),
                file.textExtracted() ? file.text() : null, altText == null ? null : altText.strip()));
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
