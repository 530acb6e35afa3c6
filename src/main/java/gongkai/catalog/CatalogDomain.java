package gongkai.catalog;

import java.util.List;
import java.util.Map;

/**
 * 领域: one of the seven public-welfare fields of the plan, the disclosure work itself (政府信息公开工作: annual reports
 * and rules, plan 三.5), or a section for public institutions and social
 * organisations of some sectors (公共企事业单位、社会组织信息公开), with its items.
 *
 * @param planSection the plan paragraph (二.1 … 二.7)
 * @param ownersText  the responsible units as the plan names them
 * @param crossNote   a requirement that runs across the domain, if any
 * @param lists       named term lists (programmes of assistance, levels of education)
 */
public record CatalogDomain(String code, String name, String planSection, String ownersText, String crossNote,
        Map<String, List<String>> lists, List<CatalogItem> items) {

    public CatalogDomain {
        lists = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lists));
        items = List.copyOf(items);
    }

    /** One of the plan's seven public-welfare fields (二.1 … 二.7), not the disclosure work or an institutions' section. */
    public boolean planField() {
        return planSection != null && planSection.startsWith("二.");
    }

    /** A section for institutions: every item is answered for by sector, none by a government body. */
    public boolean forInstitutions() {
        return !items.isEmpty()
                && items.stream().allMatch(i -> !i.ownerSectors().isEmpty() && i.ownerOrgs().isEmpty() && !i.countyOwners());
    }
}
