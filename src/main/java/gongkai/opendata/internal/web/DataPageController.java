package gongkai.opendata.internal.web;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogItem;
import gongkai.opendata.ColumnType;
import gongkai.opendata.Dataset;
import gongkai.opendata.DatasetColumn;
import gongkai.opendata.DatasetPage;
import gongkai.opendata.DatasetQuery;
import gongkai.opendata.DatasetResource;
import gongkai.opendata.Datasets;
import gongkai.opendata.DownloadFormat;
import gongkai.opendata.internal.DatasetFilters;
import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.publishing.RecordTable;
import gongkai.region.Regions;

/**
 * The open-data pages (数据开放): {@code /data}, the datasets with words, filters by field, publisher and county, and
 * the ways to reuse them; {@code /data/{name}}, one dataset with its metadata, the first rows, a chart, its downloads
 * and its API addresses. Filters are plain GET links and forms, so both pages work without scripts.
 */
@Controller
class DataPageController {

    static final int PAGE_SIZE = 20;
    static final int PREVIEW_ROWS = 20;
    static final int CHANGES = 10;
    private static final int MAX_WORDS = 100;

    private final Datasets datasets;
    private final Catalog catalog;
    private final Organisations organisations;
    private final Regions regions;
    private final DatasetFilters filters;

    DataPageController(Datasets datasets, Catalog catalog, Organisations organisations, Regions regions,
            DatasetFilters filters) {
        this.datasets = datasets;
        this.catalog = catalog;
        this.organisations = organisations;
        this.regions = regions;
        this.filters = filters;
    }

    /** One value of a filter, with how many of the matching datasets have it and the address that applies it. */
    record Choice(String label, long count, String url, boolean selected) {
    }

    /** A filter and its values. */
    record Facet(String name, String heading, List<Choice> choices) {
    }

    /** A filter in use, with the address of the same search without it. */
    record Chip(String kind, String label, String removeUrl) {
    }

    /** A dataset as the list shows it. */
    record Listed(Dataset dataset, String rows, String years, String formats) {
    }

    /** The downloads of one year (or of all years). */
    record Downloads(String scope, String rows, String csv, String csvCodes, String xlsx, String json) {
    }

    /** A column as the column list shows it. */
    record Column(String label, String code, String type) {
    }

    /** A row of the preview: its cells, and the record it came from. */
    record PreviewRow(List<RecordTable.Cell> cells, String indexNo) {
    }

    /** The preview table: the item's fields as headings (with units), then the rows. */
    record Preview(List<RecordTable.Heading> headings, List<PreviewRow> rows) {
    }

    /** The filters of a search after checking them; a bad one is dropped and named in {@code problems}. */
    private record Filters(String q, String domain, String org, String county, int page, List<String> problems) {
    }

    @GetMapping("/data")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String domain,
            @RequestParam(required = false) String org, @RequestParam(required = false) String county,
            @RequestParam(required = false) String page, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Filters f = check(q, domain, org, county, page);
        DatasetPage result = datasets.search(new DatasetQuery(f.q(), one(f.domain()), one(f.org()), one(f.county()),
                List.of(), List.of(), List.of(), (f.page() - 1) * PAGE_SIZE, PAGE_SIZE));
        List<String> problems = new ArrayList<>(f.problems());
        int pages = (int) Math.max(1, (result.count() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (f.page() > pages && result.count() > 0) {
            problems.add("共 " + pages + " 页，没有第 " + f.page() + " 页。");
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        String base = request.getContextPath() + "/data";
        model.addAttribute("problems", problems);
        model.addAttribute("q", f.q());
        model.addAttribute("domain", f.domain());
        model.addAttribute("org", f.org());
        model.addAttribute("county", f.county());
        model.addAttribute("filtered", !f.q().isEmpty() || f.domain() != null || f.org() != null
                || f.county() != null);
        model.addAttribute("count", result.count());
        model.addAttribute("results", result.results().stream().map(DataPageController::listed).toList());
        model.addAttribute("facets", facets(base, f, result));
        model.addAttribute("chips", chips(base, f));
        model.addAttribute("pageNumber", f.page());
        model.addAttribute("pages", pages);
        model.addAttribute("previousPage", f.page() > 1 && f.page() <= pages
                ? url(base, f.q(), f.domain(), f.org(), f.county(), f.page() - 1) : null);
        model.addAttribute("nextPage", f.page() < pages
                ? url(base, f.q(), f.domain(), f.org(), f.county(), f.page() + 1) : null);
        model.addAttribute("licence", datasets.licence());
        model.addAttribute("years", datasets.years());
        return "opendata/list";
    }

    @GetMapping("/data/{name}")
    String dataset(@PathVariable String name, Model model) {
        Dataset d = datasets.require(name);
        CatalogItem item = catalog.requireItem(d.itemCode());
        model.addAttribute("dataset", d);
        model.addAttribute("rows", figure(d.rowCount()));
        model.addAttribute("coverage", d.temporalStart() == null ? null
                : d.temporalStart() + " 至 " + d.temporalEnd());
        model.addAttribute("licence", d.licence());
        model.addAttribute("county", d.countyCode() == null || d.countyCode().equals(d.regionCode()) ? null
                : regions.find(d.countyCode()).orElse(null));
        model.addAttribute("preview", preview(d, item));
        model.addAttribute("chart", DatasetChart.of(d, item, datasets));
        model.addAttribute("chartSkipped", d.rowCount() > DatasetChart.MAX_ROWS);
        model.addAttribute("downloads", downloads(d));
        model.addAttribute("changes", datasets.changes(d, CHANGES));
        model.addAttribute("columns", d.columns().stream()
                .map(c -> new Column(c.label(), c.code(), typeLabel(c.type()))).toList());
        return "opendata/dataset";
    }

    private Filters check(String q, String domain, String org, String county, String page) {
        List<String> problems = new ArrayList<>();
        String words = q == null ? "" : q.strip();
        if (words.length() > MAX_WORDS) {
            problems.add("查找词语不能超过" + MAX_WORDS + "个字，已截取前" + MAX_WORDS + "个字。");
            words = words.substring(0, MAX_WORDS);
        }
        String d = blankToNull(domain);
        if (d != null && !filters.isDomain(d)) {
            problems.add("没有代码为“" + d + "”的领域，已忽略此条件，请从“领域”中选择。");
            d = null;
        }
        String o = blankToNull(org);
        if (o != null && !filters.isOrg(o)) {
            problems.add("没有代码为“" + o + "”的发布机构，已忽略此条件，请从“发布机构”中选择。");
            o = null;
        }
        String c = blankToNull(county);
        if (c != null && !filters.isCounty(c)) {
            problems.add("“" + c + "”不是县（市、区）的区划代码，已忽略此条件，请从“县（市、区）”中选择。");
            c = null;
        }
        int n = 1;
        if (page != null && !page.isBlank()) {
            try {
                n = Integer.parseInt(page.strip());
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1) {
                problems.add("页码应为正整数，已显示第 1 页。");
                n = 1;
            }
        }
        return new Filters(words, d, o, c, n, List.copyOf(problems));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<String> one(String value) {
        return value == null ? List.of() : List.of(value);
    }

    private static String url(String base, String q, String domain, String org, String county, Integer page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(base);
        if (q != null && !q.isEmpty()) {
            b.queryParam("q", q);
        }
        Optional.ofNullable(domain).ifPresent(v -> b.queryParam("domain", v));
        Optional.ofNullable(org).ifPresent(v -> b.queryParam("org", v));
        Optional.ofNullable(county).ifPresent(v -> b.queryParam("county", v));
        if (page != null && page > 1) {
            b.queryParam("page", page);
        }
        return b.encode().toUriString();
    }

    private List<Facet> facets(String base, Filters f, DatasetPage result) {
        Map<String, Long> domains = result.facets().getOrDefault("domain", Map.of());
        Map<String, Long> orgs = result.facets().getOrDefault("org", Map.of());
        Map<String, Long> counties = result.facets().getOrDefault("county", Map.of());
        List<Facet> out = new ArrayList<>();
        List<Choice> d = new ArrayList<>();
        // The catalogue's order (the plan's seven fields first), not the counts': residents look for a field by place.
        catalog.domains().stream().filter(x -> domains.containsKey(x.code())).forEach(x -> d.add(new Choice(x.name(),
                domains.get(x.code()), url(base, f.q(), x.code(), f.org(), f.county(), null),
                x.code().equals(f.domain()))));
        out.add(new Facet("domain", "领域", d));
        List<Choice> c = new ArrayList<>();
        counties.forEach((code, n) -> c.add(new Choice(countyName(code), n,
                url(base, f.q(), f.domain(), f.org(), code, null), code.equals(f.county()))));
        out.add(new Facet("county", "县（市、区）", c));
        List<Choice> o = new ArrayList<>();
        orgs.forEach((code, n) -> o.add(new Choice(orgName(code), n,
                url(base, f.q(), f.domain(), code, f.county(), null), code.equals(f.org()))));
        out.add(new Facet("org", "发布机构", o));
        return out.stream().filter(x -> !x.choices().isEmpty()).toList();
    }

    private List<Chip> chips(String base, Filters f) {
        List<Chip> out = new ArrayList<>();
        if (!f.q().isEmpty()) {
            out.add(new Chip("查找词语", f.q(), url(base, null, f.domain(), f.org(), f.county(), null)));
        }
        if (f.domain() != null) {
            out.add(new Chip("领域", catalog.requireDomain(f.domain()).name(),
                    url(base, f.q(), null, f.org(), f.county(), null)));
        }
        if (f.county() != null) {
            out.add(new Chip("县（市、区）", countyName(f.county()), url(base, f.q(), f.domain(), f.org(), null, null)));
        }
        if (f.org() != null) {
            out.add(new Chip("发布机构", orgName(f.org()), url(base, f.q(), f.domain(), null, f.county(), null)));
        }
        return out;
    }

    /** A county by name; the city itself, for the datasets of city bodies, as 市本级. */
    private String countyName(String code) {
        return regions.find(code).map(r -> regions.isTop(code) ? r.name() + "（市本级）" : r.name()).orElse(code);
    }

    private String orgName(String code) {
        return organisations.find(code).map(Organisation::name).orElse(code);
    }

    private static Listed listed(Dataset d) {
        List<Integer> years = new ArrayList<>(d.rowsByYear().keySet());
        String span = years.isEmpty() ? "—" : years.size() == 1 ? years.get(0) + "年"
                : years.get(0) + "—" + years.get(years.size() - 1) + "年";
        String formats = String.join("、", java.util.Arrays.stream(DownloadFormat.values())
                .map(DownloadFormat::label).toList());
        return new Listed(d, figure(d.rowCount()), span, formats);
    }

    private static String figure(long n) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(n);
    }

    /** The first rows, read as the record pages read them: figures with separators, units in the headings. */
    private Preview preview(Dataset d, CatalogItem item) {
        List<List<String>> rows = datasets.preview(d, PREVIEW_ROWS);
        List<DatasetColumn> columns = d.columns();
        int indexAt = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).fixed() && columns.get(i).code().equals("index_no")) {
                indexAt = i;
            }
        }
        List<Map<String, String>> byField = new ArrayList<>();
        for (List<String> row : rows) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                if (!columns.get(i).fixed()) {
                    cells.put(columns.get(i).label(), row.get(i));
                }
            }
            byField.add(cells);
        }
        RecordTable table = RecordTable.of(item.fields(), byField);
        List<PreviewRow> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            out.add(new PreviewRow(table.rows().get(i), indexAt < 0 ? null : rows.get(i).get(indexAt)));
        }
        return new Preview(table.headings(), List.copyOf(out));
    }

    private static List<Downloads> downloads(Dataset d) {
        Map<String, Map<DownloadFormat, DatasetResource>> byScope = new LinkedHashMap<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        for (DatasetResource r : d.resources()) {
            byScope.computeIfAbsent(r.scope(), k -> new LinkedHashMap<>()).put(r.format(), r);
            rows.put(r.scope(), r.rowCount());
        }
        List<Downloads> out = new ArrayList<>();
        byScope.forEach((scope, formats) -> {
            String csv = formats.get(DownloadFormat.CSV).path();
            out.add(new Downloads(scope.equals("all") ? "全部年度" : scope + "年", figure(rows.get(scope)), csv,
                    csv + "?header=codes", formats.get(DownloadFormat.XLSX).path(),
                    formats.get(DownloadFormat.JSON).path()));
        });
        return out;
    }

    private static String typeLabel(ColumnType type) {
        return switch (type) {
            case INTEGER -> "整数";
            case DECIMAL -> "数值";
            case DATE -> "日期";
            case TEXT -> "文本";
        };
    }
}
