package gongkai.search.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogDomain;
import gongkai.catalog.CatalogItem;
import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.region.Region;
import gongkai.region.Regions;
import gongkai.search.SearchQuery;

/**
 * The filters a visitor chose on the search page, each with its name and the address of the same search without
 * it (the × beside it), and the address without any filter (全部). A code that names nothing is shown as typed.
 */
@Component
class ActiveFilters {

    /** One chosen filter: what kind, its value as people read it, and the search without it. */
    record ActiveFilter(String kind, String label, String removeUrl) {
    }

    private final Catalog catalog;
    private final Organisations organisations;
    private final Regions regions;

    ActiveFilters(Catalog catalog, Organisations organisations, Regions regions) {
        this.catalog = catalog;
        this.organisations = organisations;
        this.regions = regions;
    }

    List<ActiveFilter> of(SearchQuery q) {
        Map<String, String> chosen = filters(q);
        List<ActiveFilter> out = new ArrayList<>();
        chosen.forEach((key, value) -> {
            Map<String, String> without = new LinkedHashMap<>(chosen);
            without.remove(key);
            out.add(new ActiveFilter(kind(key), label(key, value), url(q, without)));
        });
        return out;
    }

    /** The same words, every filter removed. */
    String withoutFilters(SearchQuery q) {
        return url(q, Map.of());
    }

    private static Map<String, String> filters(SearchQuery q) {
        Map<String, String> chosen = new LinkedHashMap<>();
        put(chosen, "domain", q.domain());
        put(chosen, "org", q.org());
        put(chosen, "region", q.region());
        put(chosen, "year", q.year() == null ? null : q.year().toString());
        put(chosen, "item", q.item());
        put(chosen, "subjectClass", q.subjectClass());
        return chosen;
    }

    private static void put(Map<String, String> chosen, String key, String value) {
        if (value != null && !value.isBlank()) {
            chosen.put(key, value.strip());
        }
    }

    private static String kind(String key) {
        return switch (key) {
            case "domain" -> "领域";
            case "org" -> "发布机构";
            case "region" -> "县（市、区）";
            case "year" -> "年份";
            case "item" -> "目录事项";
            default -> "主题分类";
        };
    }

    private String label(String key, String value) {
        return switch (key) {
            case "domain" -> catalog.domain(value).map(CatalogDomain::name).orElse(value);
            case "org" -> organisations.find(value).map(Organisation::name).orElse(value);
            case "region" -> regions.find(value).map(Region::name).orElse(value);
            case "item" -> catalog.item(value).map(CatalogItem::name).orElse(value);
            case "year" -> value + "年";
            default -> value;
        };
    }

    private static String url(SearchQuery q, Map<String, String> filters) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/search").queryParam("q", q.q());
        filters.forEach(b::queryParam);
        if (q.order() != null && !q.order().isBlank()) {
            b.queryParam("order", q.order());
        }
        return b.encode().build().toUriString();
    }
}
