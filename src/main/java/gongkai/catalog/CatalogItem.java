package gongkai.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gongkai.org.InstitutionSector;
import gongkai.org.Organisation;
import gongkai.shared.CanonicalJson;

/**
 * 目录事项: one item of the disclosure catalogue.
 *
 * @param code          stable identifier, used in paths and data
 * @param ownerOrgs     codes of the city-level organisations responsible for it
 * @param countyOwners  whether the county governments and district committees are also responsible within their areas
 * @param ownerSectors  sector codes ({@link gongkai.org.InstitutionSector}): every public institution or social
 *                      organisation of these sectors is responsible for it
 * @param content       公开内容要素: what is disclosed
 * @param legalBasis    the plan paragraph and the regulation's article it rests on
 * @param subjectClass  default 主题分类 of its records, {@code class\sub-class}
 * @param channels      公开渠道
 * @param computed      for items the platform computes (air ranking, CAP warnings): how, else null
 * @param lists         named term lists (EIA stages, kinds of enforcement documents)
 * @param fields        the schema of its structured data; empty for items published as text only
 * @param policyDocument a policy item: its records are published with their interpretation (同步解读, plan 三.3)
 */
public record CatalogItem(String code, String domainCode, String name, Audience audience, PublicationSchedule schedule,
        List<String> ownerOrgs, boolean countyOwners, List<String> ownerSectors, String content, String legalBasis, String subjectClass,
        List<String> channels, String computed, Map<String, List<String>> lists, List<CatalogField> fields,
        boolean retired, boolean policyDocument) {

    public CatalogItem {
        ownerOrgs = List.copyOf(ownerOrgs);
        ownerSectors = List.copyOf(ownerSectors);
        channels = List.copyOf(channels);
        lists = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lists));
        fields = List.copyOf(fields);
    }

    /**
     * Whether the organisation answers for this item: a named owner; a county government or district committee for
     * an item with county owners; an institution of one of its sectors. Government bodies never answer for an
     * institution's item by sector, nor institutions for a government item by county.
     */
    public boolean ownedBy(Organisation org) {
        if (ownerOrgs.contains(org.code())) {
            return true;
        }
        if (org.isInstitution()) {
            return org.sector() != null && ownerSectors.contains(org.sector().code());
        }
        return countyOwners && org.kind().isCountyBody();
    }

    /** The sectors of {@link #ownerSectors}, for showing their names. */
    public List<InstitutionSector> sectors() {
        return ownerSectors.stream().map(InstitutionSector::parse).toList();
    }

    public boolean hasSchema() {
        return !fields.isEmpty();
    }

    public List<CatalogField> personalFields() {
        return fields.stream().filter(CatalogField::personal).toList();
    }

    /**
     * What the catalogue publishes about the item, as one object: its definition and the schema of its data. The
     * ledger logs the SHA-256 of its canonical JSON after every amendment.
     */
    public Map<String, Object> publicContent() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("code", code);
        c.put("domain", domainCode);
        c.put("name", name);
        c.put("audience", audience.code());
        c.put("schedule", schedule.code());
        c.put("ownerOrgs", ownerOrgs);
        c.put("countyOwners", countyOwners);
        if (!ownerSectors.isEmpty()) {
            // Only when set, so that the content (and its logged hash) of the items before sectors stays the same.
            c.put("ownerSectors", ownerSectors);
        }
        c.put("content", content);
        c.put("legalBasis", legalBasis);
        c.put("subjectClass", subjectClass);
        c.put("channels", channels);
        c.put("retired", retired);
        c.put("policyDocument", policyDocument);
        c.put("fields", fields.stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("type", f.type().name());
            m.put("required", f.required());
            m.put("personal", f.personal());
            m.put("choices", f.choices());
            m.put("unitField", f.unitField());
            return m;
        }).toList());
        return c;
    }

    /** Lowercase hex SHA-256 of the canonical JSON of {@link #publicContent()}. */
    public String contentSha256() {
        return CanonicalJson.sha256Hex(publicContent());
    }
}
