package gongkai.catalog;

import java.util.List;
import java.util.Map;

/**
 * 目录事项: one item of the disclosure catalogue.
 *
 * @param code          stable identifier, used in paths and data
 * @param ownerOrgs     codes of the city-level organisations responsible for it
 * @param countyOwners  whether the county governments and district committees are also responsible within their areas
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
        List<String> ownerOrgs, boolean countyOwners, String content, String legalBasis, String subjectClass,
        List<String> channels, String computed, Map<String, List<String>> lists, List<CatalogField> fields,
        boolean retired, boolean policyDocument) {

    public CatalogItem {
        ownerOrgs = List.copyOf(ownerOrgs);
        channels = List.copyOf(channels);
        lists = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lists));
        fields = List.copyOf(fields);
    }

    public boolean hasSchema() {
        return !fields.isEmpty();
    }

    public List<CatalogField> personalFields() {
        return fields.stream().filter(CatalogField::personal).toList();
    }
}
