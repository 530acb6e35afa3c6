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
import gongkai.search.DocumentKind;
import gongkai.search.SearchAnswer;
import gongkai.search.SearchQuery;

/**
 * The filters a visitor chose on the search page, each with its name and the address of the same search without
 * it (the × beside it), and the address without any filter (全部); and the other addresses the page links to — a
 * facet's values, the other order, the pages — each keeping every other choice. A code that names nothing is shown
 * as typed.
 */
@Component
class ActiveFilters {

    /** One chosen filter: what kind, its value as people read it, and the search without it. */
    record ActiveFilter(String kind, String label, String removeUrl) {
    }

    /** One facet as the page shows it: its heading, and each value with its count and the search that chooses it. */
    record FacetView(String name, String heading, List<FacetLink> values) {
    }

    record FacetLink(String label, long count, String url) {
    }

    /** An option of a select in the advanced form. */
    record Choice(String value, String label, boolean selected) {
    }

    /** A parameter the search form carries along unseen, so that a new search keeps the chosen facets. */
    record Carried(String name, String value) {
    }

    /** The filters, in the order the page names them; each is the parameters it sets. */
    private static final List<String> FILTERS = List.of("domain", "kind", "org", "region", "year", "item",
            "subjectClass", "titleOnly", "dates");

    private final Catalog catalog;
    private final Organisations organisations;
    private final Regions regions;

    ActiveFilters(Catalog catalog, Organisations organisations, Regions regions) {
        this.catalog = catalog;
        this.organisations = organisations;
        this.regions = regions;
    }

    List<ActiveFilter> of(SearchQuery q) {
        Map<String, Map<String, String>> chosen = filters(q);
        List<ActiveFilter> out = new ArrayList<>();
        chosen.forEach((key, params) -> {
            Map<String, Map<String, String>> without = new LinkedHashMap<>(chosen);
            without.remove(key);
            out.add(new ActiveFilter(kind(key), label(key, params), url(q, without, null)));
        });
        return out;
    }

    /** The same words, every filter removed. */
    String withoutFilters(SearchQuery q) {
        return url(q, Map.of(), null);
    }

    /** The answer's facets, largest first, each value linking to the search with that value chosen instead. */
    List<FacetView> facets(SearchQuery q, SearchAnswer answer) {
        List<FacetView> out = new ArrayList<>();
        Map<String, Map<String, String>> chosen = filters(q);
        for (String name : FILTERS) {
            List<SearchAnswer.FacetCount> counts = answer.facets().getOrDefault(name, List.of());
            if (counts.isEmpty()) {
                continue;
            }
            List<FacetLink> links = counts.stream().map(c -> {
                Map<String, Map<String, String>> with = new LinkedHashMap<>();
                FILTERS.forEach(f -> {
                    if (f.equals(name)) {
                        with.put(f, Map.of(f, c.value()));
                    } else if (chosen.containsKey(f)) {
                        with.put(f, chosen.get(f));
                    }
                });
                return new FacetLink(c.label(), c.count(), url(q, with, null));
            }).toList();
            out.add(new FacetView(name, kind(name), links));
        }
        return out;
    }

    /** The same search in the other order. */
    String otherOrder(SearchQuery q) {
        Map<String, String> order = Map.of("order", q.byDate() ? "relevance" : "date");
        return url(new SearchQuery(q.q(), q.domain(), q.org(), q.region(), q.year(), q.item(), q.subjectClass(), null,
                0, null, q.titleOnly(), q.from(), q.to(), q.kind()), filters(q), order);
    }

    /** The same search, another page in relevance order. */
    String page(SearchQuery q, int page) {
        return url(q, filters(q), Map.of("page", String.valueOf(page)));
    }

    /** The same search in date order, from a cursor on. */
    String after(SearchQuery q, String cursor) {
        return url(q, filters(q), Map.of("cursor", cursor));
    }

    /** The chosen filters the form has no field for, and the order. */
    List<Carried> carried(SearchQuery q) {
        List<Carried> out = new ArrayList<>();
        filters(q).forEach((key, params) -> {
            if (!List.of("kind", "org", "titleOnly", "dates").contains(key)) {
                params.forEach((name, value) -> out.add(new Carried(name, value)));
            }
        });
        if (q.order() != null && !q.order().isBlank()) {
            out.add(new Carried("order", q.order()));
        }
        return out;
    }

    List<Choice> kinds(SearchQuery q) {
        List<Choice> out = new ArrayList<>();
        out.add(new Choice("", "全部类型", q.kind() == null));
        for (DocumentKind k : DocumentKind.values()) {
            out.add(new Choice(k.code(), k.label(), k.code().equals(q.kind())));
        }
        return out;
    }

    /** Every organisation, in the directory's order. */
    List<Choice> bodies(SearchQuery q) {
        List<Choice> out = new ArrayList<>();
        out.add(new Choice("", "全部机构", q.org() == null));
        for (Organisation o : organisations.all()) {
            out.add(new Choice(o.code(), o.name(), o.code().equals(q.org())));
        }
        return out;
    }

    private static Map<String, Map<String, String>> filters(SearchQuery q) {
        Map<String, Map<String, String>> chosen = new LinkedHashMap<>();
        put(chosen, "domain", q.domain());
        put(chosen, "kind", q.kind());
        put(chosen, "org", q.org());
        put(chosen, "region", q.region());
        put(chosen, "year", q.year() == null ? null : q.year().toString());
        put(chosen, "item", q.item());
        put(chosen, "subjectClass", q.subjectClass());
        if (q.titleOnly()) {
            chosen.put("titleOnly", Map.of("titleOnly", "true"));
        }
        if (q.from() != null || q.to() != null) {
            Map<String, String> dates = new LinkedHashMap<>();
            if (q.from() != null) {
                dates.put("from", q.from().toString());
            }
            if (q.to() != null) {
                dates.put("to", q.to().toString());
            }
            chosen.put("dates", dates);
        }
        return chosen;
    }

    private static void put(Map<String, Map<String, String>> chosen, String key, String value) {
        if (value != null && !value.isBlank()) {
            chosen.put(key, Map.of(key, value.strip()));
        }
    }

    private static String kind(String key) {
        return switch (key) {
            case "domain" -> "领域";
            case "kind" -> "信息类型";
            case "org" -> "发布机构";
            case "region" -> "县（市、区）";
            case "year" -> "年份";
            case "item" -> "目录事项";
            case "titleOnly" -> "查找范围";
            case "dates" -> "发布日期";
            default -> "主题分类";
        };
    }

    private String label(String key, Map<String, String> params) {
        String value = params.get(key);
        return switch (key) {
            case "domain" -> catalog.domain(value).map(CatalogDomain::name).orElse(value);
            case "kind" -> DocumentKind.byCode(value).map(DocumentKind::label).orElse(value);
            case "org" -> organisations.find(value).map(Organisation::name).orElse(value);
            case "region" -> regions.find(value).map(Region::name).orElse(value);
            case "item" -> catalog.item(value).map(CatalogItem::name).orElse(value);
            case "year" -> value + "年";
            case "titleOnly" -> "仅标题";
            case "dates" -> params.containsKey("from") && params.containsKey("to")
                    ? params.get("from") + " 至 " + params.get("to")
                    : params.containsKey("from") ? params.get("from") + " 起" : "至 " + params.get("to");
            default -> value;
        };
    }

    private static String url(SearchQuery q, Map<String, Map<String, String>> filters, Map<String, String> more) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/search").queryParam("q", q.q());
        filters.values().forEach(params -> params.forEach(b::queryParam));
        if (q.order() != null && !q.order().isBlank()) {
            b.queryParam("order", q.order());
        }
        if (more != null) {
            more.forEach(b::queryParam);
        }
        return b.encode().build().toUriString();
    }
}
