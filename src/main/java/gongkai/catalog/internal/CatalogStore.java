package gongkai.catalog.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import gongkai.catalog.Audience;
import gongkai.catalog.CatalogDomain;
import gongkai.catalog.CatalogField;
import gongkai.catalog.CatalogItem;
import gongkai.catalog.FieldType;
import gongkai.catalog.PublicationSchedule;
import gongkai.catalog.SubjectClassification;
import gongkai.shared.ReferenceFiles;

/** Reads and writes the catalogue's tables, turning rows into the module's value types. */
@Component
public class CatalogStore {

    static final String SEPARATOR = "|";

    private final CatalogDomainRepository domains;
    private final CatalogItemRepository items;
    private final CatalogFieldRepository fields;
    private final CatalogTermRepository terms;
    private final SubjectClassification subjectClasses;

    CatalogStore(CatalogDomainRepository domains, CatalogItemRepository items, CatalogFieldRepository fields,
            CatalogTermRepository terms, ReferenceFiles files) {
        this.domains = domains;
        this.items = items;
        this.fields = fields;
        this.terms = terms;
        this.subjectClasses = SubjectClassification.parse(files.readString("subject-classes.txt"));
    }

    public SubjectClassification subjectClasses() {
        return subjectClasses;
    }

    /** The whole catalogue in four queries. */
    public List<CatalogDomain> loadDomains() {
        Map<String, List<CatalogField>> fieldsByItem = new LinkedHashMap<>();
        for (CatalogFieldEntity f : fields.findAllByOrderByItemCodeAscPositionAsc()) {
            fieldsByItem.computeIfAbsent(f.itemCode, k -> new ArrayList<>()).add(toField(f));
        }
        Map<String, Map<String, List<String>>> domainLists = new LinkedHashMap<>();
        Map<String, Map<String, List<String>>> itemLists = new LinkedHashMap<>();
        for (CatalogTermEntity t : terms.findAllByOrderByIdAsc()) {
            var owner = t.itemCode != null ? itemLists.computeIfAbsent(t.itemCode, k -> new LinkedHashMap<>())
                    : domainLists.computeIfAbsent(t.domainCode, k -> new LinkedHashMap<>());
            owner.computeIfAbsent(t.listName, k -> new ArrayList<>()).add(t.term);
        }
        Map<String, List<CatalogItem>> itemsByDomain = new LinkedHashMap<>();
        for (CatalogItemEntity e : items.findAllByOrderBySortOrderAsc()) {
            itemsByDomain.computeIfAbsent(e.domainCode, k -> new ArrayList<>()).add(toItem(e,
                    fieldsByItem.getOrDefault(e.code, List.of()), itemLists.getOrDefault(e.code, Map.of())));
        }
        return domains.findAllByOrderBySortOrderAsc().stream()
                .map(d -> new CatalogDomain(d.code, d.name, d.planSection, d.owners, d.crossNote,
                        domainLists.getOrDefault(d.code, Map.of()), itemsByDomain.getOrDefault(d.code, List.of())))
                .toList();
    }

    public void saveItem(CatalogItem item) {
        CatalogItemEntity e = items.findById(item.code()).orElseThrow();
        copy(item, e);
    }

    public void saveField(String itemCode, CatalogField field, int positionIfNew) {
        CatalogFieldEntity e = fields.findById(new CatalogFieldEntity.Key(itemCode, field.name()))
                .orElseGet(() -> new CatalogFieldEntity(itemCode, field.name(), positionIfNew));
        copy(field, e);
        fields.save(e);
    }

    static void copy(CatalogItem item, CatalogItemEntity e) {
        e.name = item.name();
        e.audience = item.audience().code();
        e.schedule = item.schedule().code();
        e.ownerOrgs = String.join(SEPARATOR, item.ownerOrgs());
        e.countyOwners = item.countyOwners();
        e.ownerSectors = String.join(SEPARATOR, item.ownerSectors());
        e.content = item.content();
        e.legalBasis = item.legalBasis();
        e.subjectClass = item.subjectClass();
        e.channels = String.join(SEPARATOR, item.channels());
        e.computed = item.computed();
        e.retired = item.retired();
        e.policyDocument = item.policyDocument();
    }

    static void copy(CatalogField field, CatalogFieldEntity e) {
        e.fieldType = field.type().name();
        e.required = field.required();
        e.personal = field.personal();
        e.choices = field.choices().isEmpty() ? null : String.join(SEPARATOR, field.choices());
        e.unitField = field.unitField();
    }

    private static CatalogItem toItem(CatalogItemEntity e, List<CatalogField> fields, Map<String, List<String>> lists) {
        return new CatalogItem(e.code, e.domainCode, e.name, Audience.parse(e.audience),
                PublicationSchedule.parse(e.schedule), split(e.ownerOrgs), e.countyOwners, split(e.ownerSectors), e.content, e.legalBasis,
                e.subjectClass, split(e.channels), e.computed, lists, fields, e.retired,
                e.policyDocument);
    }

    private static CatalogField toField(CatalogFieldEntity f) {
        return new CatalogField(f.name, FieldType.valueOf(f.fieldType), f.required, f.personal, split(f.choices),
                f.unitField);
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of()
                : Arrays.asList(joined.split(java.util.regex.Pattern.quote(SEPARATOR)));
    }
}
