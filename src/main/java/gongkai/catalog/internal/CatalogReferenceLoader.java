package gongkai.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import gongkai.catalog.Audience;
import gongkai.catalog.CatalogField;
import gongkai.catalog.CatalogItem;
import gongkai.catalog.FieldType;
import gongkai.catalog.PublicationSchedule;
import gongkai.org.InstitutionSector;
import gongkai.org.Organisations;
import gongkai.shared.ReferenceFiles;

/**
 * Loads catalog.yaml at start. Domains, items and fields already in the database are left alone (admins' amendments
 * win and a second start adds nothing); what the file adds later (a new item, a new field) is inserted. A file that
 * breaks a rule stops the start with a message naming the item and the rule.
 */
@Component
@Order(30)
public class CatalogReferenceLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogReferenceLoader.class);
    static final String FILE = "catalog.yaml";

    private final CatalogDomainRepository domains;
    private final CatalogItemRepository items;
    private final CatalogFieldRepository fields;
    private final CatalogTermRepository terms;
    private final CatalogStore store;
    private final Organisations organisations;
    private final ReferenceFiles files;
    private final gongkai.catalog.Catalog catalog;

    CatalogReferenceLoader(CatalogDomainRepository domains, CatalogItemRepository items, CatalogFieldRepository fields,
            CatalogTermRepository terms, CatalogStore store, Organisations organisations, ReferenceFiles files,
            gongkai.catalog.Catalog catalog) {
        this.catalog = catalog;
        this.domains = domains;
        this.items = items;
        this.fields = fields;
        this.terms = terms;
        this.store = store;
        this.organisations = organisations;
        this.files = files;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int added = load();
        catalog.referenceLoaded();
        log.info("Catalogue: {} rows added from {}, {} items in all", added, files.describe(FILE), items.count());
    }

    /** Inserts missing domains, items and fields; returns how many rows were added. */
    @Transactional
    public int load() {
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(files.readString(FILE));
        int added = 0;
        int domainOrder = 0;
        int itemOrder = 0;
        for (Map<String, Object> d : maps(root.get("domains"), "domains")) {
            String domainCode = text(d, "code", "domain");
            domainOrder++;
            if (!domains.existsById(domainCode)) {
                domains.save(new CatalogDomainEntity(domainCode, text(d, "name", domainCode),
                        text(d, "planSection", domainCode), text(d, "ownersText", domainCode),
                        optText(d, "cross"), domainOrder));
                added += 1 + saveLists(domainCode, null, d);
            }
            List<String> domainOwners = strings(d.get("owners"));
            boolean countyOwners = Boolean.TRUE.equals(d.get("countyOwners"));
            List<String> domainSectors = strings(d.get("ownerSectors"));
            String domainSubject = text(d, "subjectClass", domainCode);
            for (Map<String, Object> i : maps(d.get("items"), domainCode + ".items")) {
                itemOrder++;
                CatalogItem item = parseItem(domainCode, i, domainOwners, countyOwners, domainSectors, domainSubject);
                if (!items.existsById(item.code())) {
                    CatalogItemEntity e = new CatalogItemEntity(item.code(), domainCode, itemOrder);
                    CatalogStore.copy(item, e);
                    items.save(e);
                    added += 1 + saveLists(null, item.code(), i);
                }
                for (int p = 0; p < item.fields().size(); p++) {
                    CatalogField f = item.fields().get(p);
                    if (!fields.existsById(new CatalogFieldEntity.Key(item.code(), f.name()))) {
                        store.saveField(item.code(), f, p);
                        added++;
                    }
                }
            }
        }
        return added;
    }

    private CatalogItem parseItem(String domainCode, Map<String, Object> i, List<String> domainOwners,
            boolean countyOwners, List<String> domainSectors, String domainSubject) {
        String code = text(i, "code", domainCode + " item");
        try {
            Audience audience = Audience.parse(text(i, "audience", code));
            PublicationSchedule schedule = PublicationSchedule.parse(text(i, "schedule", code));
            List<String> owners = i.containsKey("owners") ? strings(i.get("owners")) : domainOwners;
            for (String owner : owners) {
                if (!organisations.exists(owner)) {
                    throw new IllegalStateException("unknown owner organisation " + owner);
                }
            }
            List<String> sectors = i.containsKey("ownerSectors") ? strings(i.get("ownerSectors")) : domainSectors;
            for (String sector : sectors) {
                InstitutionSector.parse(sector);
            }
            boolean county = i.containsKey("countyOwners") ? Boolean.TRUE.equals(i.get("countyOwners")) : countyOwners;
            if (owners.isEmpty() && !county && sectors.isEmpty()) {
                throw new IllegalStateException("no one is responsible: give owners, countyOwners or ownerSectors");
            }
            String subject = i.containsKey("subjectClass") ? text(i, "subjectClass", code) : domainSubject;
            if (!store.subjectClasses().isValid(subject)) {
                throw new IllegalStateException("subjectClass " + subject + " is not a State Council subject class");
            }
            List<String> channels = i.containsKey("channels") ? strings(i.get("channels"))
                    : audience == Audience.PUBLIC ? List.of("政府网站", "政务新媒体")
                    : List.of("村（居）务公开栏", "平台定向查看", "手机短信");
            List<CatalogField> itemFields = new ArrayList<>();
            for (Map<String, Object> f : maps(i.getOrDefault("fields", List.of()), code + ".fields")) {
                itemFields.add(parseField(code, f));
            }
            return new CatalogItem(code, domainCode, text(i, "name", code), audience, schedule, owners, county, sectors,
                    optText(i, "content") == null ? "" : optText(i, "content"),
                    optText(i, "basis") == null ? "" : optText(i, "basis"), subject, channels,
                    optText(i, "computed"), Map.of(), itemFields, false,
                    Boolean.TRUE.equals(i.get("policyDocument")));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalStateException(FILE + ", item " + code + ": " + e.getMessage(), e);
        }
    }

    private static CatalogField parseField(String itemCode, Map<String, Object> f) {
        String name = text(f, "name", itemCode + " field");
        FieldType type = FieldType.valueOf(text(f, "type", itemCode + "." + name));
        List<String> choices = strings(f.get("choices"));
        if (type == FieldType.CHOICE && choices.size() < 2) {
            throw new IllegalStateException("field " + name + " is a CHOICE without choices");
        }
        return new CatalogField(name, type, Boolean.TRUE.equals(f.get("required")),
                Boolean.TRUE.equals(f.get("personal")), choices, optText(f, "unit"));
    }

    private int saveLists(String domainCode, String itemCode, Map<String, Object> node) {
        Object lists = node.get("lists");
        if (!(lists instanceof Map<?, ?> map)) {
            return 0;
        }
        int added = 0;
        for (var entry : map.entrySet()) {
            List<String> values = strings(entry.getValue());
            for (int p = 0; p < values.size(); p++) {
                terms.save(new CatalogTermEntity(domainCode, itemCode, entry.getKey().toString(), p, values.get(p)));
                added++;
            }
        }
        return added;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object node, String where) {
        if (!(node instanceof List<?> list)) {
            throw new IllegalStateException(FILE + ": " + where + " must be a list");
        }
        return (List<Map<String, Object>>) list;
    }

    private static List<String> strings(Object node) {
        if (node == null) {
            return List.of();
        }
        if (node instanceof List<?> list) {
            return list.stream().map(String::valueOf).map(String::strip).toList();
        }
        return List.of(node.toString().strip());
    }

    private static String text(Map<String, Object> node, String key, String where) {
        Object v = node.get(key);
        if (v == null || v.toString().isBlank()) {
            throw new IllegalStateException(FILE + ": " + where + " has no " + key);
        }
        return v.toString().strip();
    }

    private static String optText(Map<String, Object> node, String key) {
        Object v = node.get(key);
        return v == null || v.toString().isBlank() ? null : v.toString().strip();
    }
}
