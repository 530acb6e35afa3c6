package gongkai.publishing.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import gongkai.catalog.Audience;
import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogField;
import gongkai.catalog.CatalogItem;
import gongkai.catalog.FieldType;
import gongkai.org.Organisation;
import gongkai.org.OrganisationKind;
import gongkai.org.Organisations;
import gongkai.publishing.DocumentCategory;
import gongkai.publishing.InterpretationKind;
import gongkai.publishing.RecordInput;
import gongkai.publishing.RecordStatus;
import gongkai.region.Region;
import gongkai.region.Regions;
import gongkai.shared.InvalidInputProblem.FieldError;

/**
 * What an entered record names in other modules, checked against them for {@link EntryCheck}: the organisation
 * must answer for the catalogue item, the region must lie in its jurisdiction, the audience is the item's, the
 * subject class is the State Council's, an interpretation interprets a policy document, and only the city
 * government's records are 规章. The input's shape has been checked already; a value of the wrong shape is left to
 * that complaint here.
 */
@Component
class EntryReferences {

    private final Organisations organisations;
    private final Regions regions;
    private final Catalog catalog;
    private final RecordLookup lookup;

    EntryReferences(Organisations organisations, Regions regions, Catalog catalog, RecordLookup lookup) {
        this.organisations = organisations;
        this.regions = regions;
        this.catalog = catalog;
        this.lookup = lookup;
    }

    /** What the input's codes stand for; meaningful only when no error was added. */
    record Resolved(String region, Audience audience, String subjectClass, Long interpretationOf,
            InterpretationKind interpretationKind, DocumentCategory documentCategory) {
    }

    Resolved resolve(RecordInput in, CatalogItem item, List<FieldError> errors) {
        Organisation org = organisations.find(in.org()).orElse(null);
        if (org == null) {
            errors.add(new FieldError("org", "机构代码“" + in.org() + "”不存在。"));
        } else if (!item.ownedBy(org)) {
            errors.add(new FieldError("catalogItem", org.name() + "不是目录事项“" + item.name() + "”的责任单位。"));
        }
        Region region = regions.find(in.region()).orElse(null);
        if (region == null) {
            errors.add(new FieldError("region", "区划代码“" + in.region() + "”不存在。"));
        } else if (org != null && regions.path(region.code()).stream().noneMatch(r -> r.code().equals(org.regionCode()))) {
            errors.add(new FieldError("region", "所选区划不在" + org.name() + "的管辖范围内。"));
        }
        Audience audience = audience(in, item, errors);
        String subject = in.subjectClass() == null || in.subjectClass().isBlank() ? item.subjectClass()
                : in.subjectClass().strip();
        if (!catalog.subjectClasses().isValid(subject)) {
            errors.add(new FieldError("subjectClass", "主题分类“" + subject + "”不在国务院主题分类中。"));
        }
        Long interpretationOf = null;
        InterpretationKind kind = null;
        if (in.interpretationOf() != null && !in.interpretationOf().isBlank()) {
            interpretationOf = policy(in.interpretationOf(), errors);
            kind = in.interpretationKind() == null || in.interpretationKind().isBlank() ? InterpretationKind.TEXT
                    : parse(InterpretationKind.class, in.interpretationKind());
        }
        linkedRecords(in, item, errors);
        DocumentCategory category = category(in, org, errors);
        return new Resolved(region == null ? null : region.code(), audience, subject, interpretationOf, kind,
                category);
    }

    /**
     * 地方政府规章 are made by the government of a city with districts (立法法 第九十三条): here only the city
     * government, whose records its office publishes. A department or a county makes 行政规范性文件 at most.
     */
    private static DocumentCategory category(RecordInput in, Organisation org, List<FieldError> errors) {
        DocumentCategory category = in.documentCategory() == null || in.documentCategory().isBlank() ? null
                : parse(DocumentCategory.class, in.documentCategory());
        if (category == null) {
            return DocumentCategory.OTHER;
        }
        if (category == DocumentCategory.REGULATION && org != null
                && org.kind() != OrganisationKind.GOVERNMENT_OFFICE) {
            errors.add(new FieldError("documentCategory", "规章只能由设区的市人民政府制定（立法法第九十三条），"
                    + org.name() + "发布的文件不能归为规章；如属行政规范性文件，请选择“行政规范性文件”。"));
        }
        return category;
    }

    private static Audience audience(RecordInput in, CatalogItem item, List<FieldError> errors) {
        if (in.audience() == null || in.audience().isBlank()) {
            return item.audience();
        }
        Audience audience;
        try {
            audience = Audience.parse(in.audience());
        } catch (IllegalArgumentException e) {
            return item.audience();
        }
        if (audience != item.audience()) {
            errors.add(new FieldError("audience", "事项“" + item.name() + "”的公开范围为“" + item.audience().label() + "”。"));
        }
        return audience;
    }

    /**
     * Index-number fields (e.g. the records a 回应关切 concerns) must name records the public can open: published,
     * not withdrawn and open to everyone, so that the published link never leads nowhere.
     */
    private void linkedRecords(RecordInput in, CatalogItem item, List<FieldError> errors) {
        if (in.data() == null) {
            return;
        }
        for (int r = 0; r < in.data().size(); r++) {
            Map<String, String> row = in.data().get(r);
            for (CatalogField f : item.fields()) {
                String value = row == null || f.type() != FieldType.INDEX_NUMBERS ? null : row.get(f.name());
                for (String no : FieldType.indexNumbers(value)) {
                    boolean open = lookup.find(no).filter(x -> no.equals(x.getIndexNo()))
                            .filter(x -> RecordLookup.isOpenToEveryone(x) && x.getStatus() != RecordStatus.WITHDRAWN)
                            .isPresent();
                    if (!open) {
                        errors.add(new FieldError("data", "第" + (r + 1) + "行“" + f.name() + "”：没有索引号为“" + no
                                + "”的已公开信息。"));
                    }
                }
            }
        }
    }

    /** The policy document an interpretation interprets, by its index number or draft key. */
    private Long policy(String ref, List<FieldError> errors) {
        RecordEntity policy = lookup.find(ref.strip()).orElse(null);
        if (policy == null) {
            errors.add(new FieldError("interpretationOf", "没有索引号为“" + ref + "”的政策文件。"));
            return null;
        }
        if (!catalog.requireItem(policy.getCatalogItem()).policyDocument()) {
            errors.add(new FieldError("interpretationOf", "“" + ref + "”不是政策文件，不能为其发布解读。"));
            return null;
        }
        return policy.getId();
    }

    /** An enumeration's constant as entered; null when the shape check has refused the value already. */
    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
