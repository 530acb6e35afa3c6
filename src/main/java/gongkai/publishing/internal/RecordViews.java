package gongkai.publishing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogDomain;
import gongkai.catalog.CatalogField;
import gongkai.catalog.CatalogItem;
import gongkai.org.Organisations;
import gongkai.privacy.Masking;
import gongkai.publishing.Attachment;
import gongkai.publishing.DocumentCategory;
import gongkai.publishing.PublicationLog;
import gongkai.publishing.PublishedContent;
import gongkai.publishing.RecordStep;
import gongkai.publishing.RecordSummary;
import gongkai.publishing.RecordView;
import gongkai.region.Regions;

/**
 * Builds what readers see of a record: the full view of a published version or of the working copy, and the
 * summary of a list. It applies no access rule: {@code Records} decides who may see what, then asks here.
 */
@Component
public class RecordViews {

    private final RecordRepository records;
    private final RecordVersionRepository versions;
    private final RecordStepRepository steps;
    private final RecordAttachmentRepository attachments;
    private final RowsJson rowsJson;
    private final Catalog catalog;
    private final Organisations organisations;
    private final Regions regions;
    private final ObjectProvider<PublicationLog> publicationLog;

    RecordViews(RecordRepository records, RecordVersionRepository versions, RecordStepRepository steps,
            RecordAttachmentRepository attachments, RowsJson rowsJson, Catalog catalog, Organisations organisations,
            Regions regions, ObjectProvider<PublicationLog> publicationLog) {
        this.records = records;
        this.versions = versions;
        this.steps = steps;
        this.attachments = attachments;
        this.rowsJson = rowsJson;
        this.catalog = catalog;
        this.organisations = organisations;
        this.regions = regions;
        this.publicationLog = publicationLog;
    }

    /** A published version, personal fields masked; the review steps only for {@code staff}. */
    public RecordView published(RecordEntity record, RecordVersionEntity v, boolean staff) {
        CatalogItem item = catalog.requireItem(record.getCatalogItem());
        List<Attachment> files = rowsJson.readValue(v.getAttachmentsJson(), ContentHash.FILES).stream()
                .map(m -> new Attachment(m.get("sha256"), m.get("name"), m.get("mediaType"),
                        Long.parseLong(m.getOrDefault("size", "0")), m.get("altText"))).toList();
        PublicationLog log = publicationLog.getIfAvailable();
        PublicationLog.Entry entry = log == null ? null
                : log.entryFor(record.getIndexNo(), v.getVersion()).orElse(null);
        RecordContent c = v.getContent();
        return assemble(record, item, v.getVersion(), false, c.title(), c.summary(), c.body(),
                c.documentNumber(), c.writtenOn(), c.period(), c.documentCategory(), c.validUntil(),
                v.getPublishedAt(), v.getPublisherName(),
                c.regionCode(), c.subjectClass(), c.keywords(), mask(item, rowsJson.read(c.dataJson())), true, files,
                v.getContentSha256(), staff, publishedContent(record, v).content(), entry);
    }

    /** The working copy, for its organisation's staff; {@code masked} masks personal fields of its rows. */
    public RecordView workingCopy(RecordEntity record, boolean masked) {
        CatalogItem item = catalog.requireItem(record.getCatalogItem());
        RecordEntity.WorkingCopy c = record.content();
        List<Map<String, String>> rows = rowsJson.read(c.dataJson());
        List<Attachment> files = attachments.findByRecordIdOrderByPositionAsc(record.getId()).stream()
                .map(RecordAttachmentEntity::toAttachment).toList();
        return assemble(record, item, record.getPublishedVersion(), true, c.title(), c.summary(), c.body(),
                c.documentNumber(), c.writtenOn(), c.period(), c.documentCategory(), c.validUntil(), null,
                organisations.get(record.getOrgCode()).name(), c.region(), c.subjectClass(), c.keywords(),
                masked ? mask(item, rows) : rows, masked, files, null, true, null, null);
    }

    /** The public content of a stored version and its hash (see {@link ContentHash}). */
    public PublishedContent publishedContent(RecordEntity record, RecordVersionEntity v) {
        return new PublishedContent(record.getIndexNo(), v.getVersion(), ContentHash.content(record, v,
                catalog.requireItem(record.getCatalogItem()), rowsJson), v.getContentSha256(), v.getPublishedAt());
    }

    /** A line of a list: the latest published title and publisher, or the working copy's before publication. */
    public RecordSummary summary(RecordEntity r) {
        CatalogItem item = catalog.requireItem(r.getCatalogItem());
        String region = r.content().region();
        Optional<RecordVersionEntity> latest = r.getPublishedVersion() > 0
                ? versions.findByRecordIdAndVersion(r.getId(), r.getPublishedVersion()) : Optional.empty();
        return new RecordSummary(r.ref(), r.getIndexNo(), latest.map(v -> v.getContent().title())
                .orElse(r.content().title()), r.getStatus(), r.getOrgCode(),
                latest.map(RecordVersionEntity::getPublisherName).orElse(organisations.get(r.getOrgCode()).name()),
                item.code(), item.name(), region, regions.find(region).map(x -> x.name()).orElse(region),
                r.getLastPublishedAt(), r.updatedAt(), r.getAudience(), r.getCreatedBy(), r.isDemo());
    }

    private RecordView assemble(RecordEntity record, CatalogItem item, int version, boolean workingCopy, String title,
            String summary, String body, String documentNumber, LocalDate writtenOn, String period,
            DocumentCategory category, LocalDate validUntil, Instant publishedAt, String publisher, String region,
            String subjectClass, String keywords, List<Map<String, String>> rows, boolean masked,
            List<Attachment> files, String sha, boolean staff, Map<String, Object> content,
            PublicationLog.Entry ledger) {
        CatalogDomain domain = catalog.requireDomain(item.domainCode());
        RecordEntity.WorkingCopy c = record.content();
        List<RecordView.RecordLink> interpretations = records.findByInterpretationOf(record.getId()).stream()
                .filter(i -> staff || (i.getPublishedVersion() > 0 && RecordLookup.isOpenToEveryone(i)))
                .map(i -> new RecordView.RecordLink(i.ref(), titleOf(i))).toList();
        RecordView.RecordLink policy = Optional.ofNullable(c.interpretationOf()).flatMap(records::findById)
                .filter(p -> staff || p.getPublishedVersion() > 0)
                .map(p -> new RecordView.RecordLink(p.ref(), titleOf(p))).orElse(null);
        List<RecordView.VersionInfo> history = versions.findByRecordIdOrderByVersionDesc(record.getId()).stream()
                .map(x -> new RecordView.VersionInfo(x.getVersion(), x.getPublishedAt(), x.getContentSha256()))
                .toList();
        List<RecordStep> stepList = staff ? steps.findByRecordIdOrderByIdAsc(record.getId()).stream()
                .map(RecordStepEntity::toStep).toList() : List.of();
        List<String> keywordList = ContentHash.keywords(keywords);
        return new RecordView(record.ref(), record.getIndexNo(), record.getStatus(), version, workingCopy, title,
                summary, body, documentNumber, writtenOn, period, record.getFirstPublishedAt(), publishedAt, publisher,
                record.getOrgCode(), item.code(), item.name(), domain.code(), domain.name(), region,
                regions.find(region).map(r -> r.name()).orElse(region), subjectClass, record.getValidity(),
                record.getValiditySince(), category == null ? DocumentCategory.OTHER : category, validUntil,
                keywordList, c.disclosureMode(), c.audience(), c.targetGroup(),
                item.fields(), rows, masked, files, interpretations, policy, c.interpretationKind(), history,
                stepList, record.getWithdrawalReason(), record.getWithdrawnAt(), staff ? record.getAccessCode() : null,
                sha, record.getNoInterpretationReason(), record.isDemo(), record.getId(), content, ledger);
    }

    private String titleOf(RecordEntity r) {
        if (r.getPublishedVersion() > 0) {
            return versions.findByRecordIdAndVersion(r.getId(), r.getPublishedVersion())
                    .map(v -> v.getContent().title()).orElse(r.content().title());
        }
        return r.content().title();
    }

    private static List<Map<String, String>> mask(CatalogItem item, List<Map<String, String>> rows) {
        List<Map<String, String>> masked = new ArrayList<>();
        for (Map<String, String> row : rows) {
            Map<String, String> m = new LinkedHashMap<>();
            for (CatalogField f : item.fields()) {
                String v = row.get(f.name());
                m.put(f.name(), v == null ? "" : Masking.maskField(f, v));
            }
            masked.add(m);
        }
        return masked;
    }
}
