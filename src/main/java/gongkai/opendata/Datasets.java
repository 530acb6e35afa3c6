package gongkai.opendata;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogDomain;
import gongkai.catalog.CatalogItem;
import gongkai.opendata.internal.DatasetStore;
import gongkai.opendata.internal.FieldCodes;
import gongkai.opendata.internal.OpenDataProperties;
import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.region.Region;
import gongkai.region.Regions;
import gongkai.shared.NotFoundProblem;

/**
 * Reading the datasets: the list, a search with facets, one dataset with its downloads, its rows streamed in
 * download order, and its changes. Everything here is public: the rows were masked and the targeted records left out
 * when they entered (see {@code DatasetProjection}).
 */
@Service
@Transactional(readOnly = true)
public class Datasets {

    private final DatasetStore store;
    private final Catalog catalog;
    private final Organisations organisations;
    private final Regions regions;
    private final Licence licence;

    Datasets(DatasetStore store, Catalog catalog, Organisations organisations, Regions regions,
            OpenDataProperties properties) {
        this.store = store;
        this.catalog = catalog;
        this.organisations = organisations;
        this.regions = regions;
        this.licence = new Licence(properties.licenceId(), properties.licenceTitle(), properties.licenceUrl());
    }

    /** A consumer of a dataset's rows, each as its values in the order of the dataset's columns. */
    @FunctionalInterface
    public interface RowSink {
        void accept(List<String> values) throws IOException;
    }

    public Licence licence() {
        return licence;
    }

    /** Every dataset that holds rows now, by name. */
    public List<Dataset> all() {
        return assemble(false);
    }

    /** The dataset of this name, also when no rows are left in it (all its records withdrawn). */
    public Optional<Dataset> find(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return store.dataset(name.strip()).flatMap(this::one);
    }

    /** The dataset of this name, or a 404 problem that names it. */
    public Dataset require(String name) {
        return find(name).orElseThrow(() -> new NotFoundProblem("没有名为“" + name + "”的数据集。"));
    }

    /** The dataset a published record's rows are in now; empty for a record with none there (targeted, withdrawn). */
    public Optional<Dataset> forRecord(String indexNo) {
        if (indexNo == null || indexNo.isBlank()) {
            return Optional.empty();
        }
        return store.record(indexNo).flatMap(r -> store.dataset(r.datasetId())).flatMap(this::one);
    }

    /** The download with this id ({@link DatasetResource#id()}). */
    public Optional<DatasetResource> resource(String id) {
        if (id == null) {
            return Optional.empty();
        }
        // The id is "<name>-<all|year>-<extension>" and names may hold hyphens: take the name off the end.
        String[] parts = id.split("-");
        if (parts.length < 3) {
            return Optional.empty();
        }
        String name = String.join("-", java.util.Arrays.copyOf(parts, parts.length - 2));
        return find(name).stream().flatMap(d -> d.resources().stream()).filter(r -> r.id().equals(id)).findFirst();
    }

    /** The years that have rows in some dataset, newest first. */
    public List<Integer> years() {
        return all().stream().flatMap(d -> d.rowsByYear().keySet().stream()).distinct()
                .sorted(Comparator.reverseOrder()).toList();
    }

    /**
     * When any dataset last changed; null while there is none. Datasets left without rows count: the withdrawal that
     * emptied one is a change (it leaves the catalogue), and the time must not go back when it happens.
     */
    public Instant lastModified() {
        return store.lastModified();
    }

    /**
     * Streams the rows of a dataset (of one year, or of all years for null) to the sink, in download order: by year,
     * publication date, record and row. Runs in one read-only transaction, through a database cursor, so memory stays
     * the same however many rows there are.
     *
     * @param limit at most so many rows; 0 for all
     * @return how many rows were given
     */
    public long rows(Dataset dataset, Integer year, int limit, RowSink sink) {
        List<DatasetColumn> columns = dataset.columns();
        long id = store.dataset(dataset.name()).orElseThrow().id();
        return store.stream(id, year, limit, cells -> {
            List<String> values = new ArrayList<>(columns.size());
            for (DatasetColumn c : columns) {
                values.add(cells.getOrDefault(c.key(), ""));
            }
            sink.accept(values);
        });
    }

    /** The first rows of a dataset, for its page's preview. */
    public List<List<String>> preview(Dataset dataset, int limit) {
        List<List<String>> out = new ArrayList<>();
        rows(dataset, null, limit, out::add);
        return out;
    }

    /** The newest changes of a dataset, newest first. */
    public List<DatasetChange> changes(Dataset dataset, int limit) {
        return store.dataset(dataset.name()).map(d -> store.changes(d.id(), limit)).orElse(List.of());
    }

    /** The newest changes of all datasets, newest first. */
    public List<DatasetChange> changes(int limit) {
        return store.changes(null, limit);
    }

    /** Datasets matching the query, with facet counts over all of them. */
    public DatasetPage search(DatasetQuery query) {
        List<String> words = words(query.q());
        List<Scored> matching = new ArrayList<>();
        for (Dataset d : all()) {
            if (!passes(d, query)) {
                continue;
            }
            int score = score(d, words);
            if (score >= 0) {
                matching.add(new Scored(d, score));
            }
        }
        matching.sort(order(query.sort()));
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (String f : DatasetPage.FACETS) {
            facets.put(f, new HashMap<>());
        }
        for (Scored s : matching) {
            Dataset d = s.dataset();
            count(facets.get("domain"), d.domainCode());
            count(facets.get("org"), d.orgCode());
            count(facets.get("county"), d.countyCode());
            d.keywords().forEach(t -> count(facets.get("tag"), t));
            for (DownloadFormat f : DownloadFormat.values()) {
                count(facets.get("format"), f.label());
            }
        }
        Map<String, Map<String, Long>> sorted = new LinkedHashMap<>();
        facets.forEach((k, v) -> {
            Map<String, Long> m = new LinkedHashMap<>();
            v.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey())).forEach(e -> m.put(e.getKey(), e.getValue()));
            sorted.put(k, m);
        });
        List<Dataset> window = matching.stream().skip(query.start()).limit(query.rows()).map(Scored::dataset).toList();
        return new DatasetPage(window, matching.size(), sorted);
    }

    private record Scored(Dataset dataset, int score) {
    }

    private static boolean passes(Dataset d, DatasetQuery q) {
        return (q.domains().isEmpty() || q.domains().contains(d.domainCode()))
                && (q.orgs().isEmpty() || q.orgs().contains(d.orgCode()))
                && (q.counties().isEmpty() || q.counties().contains(d.countyCode()))
                && (q.tags().isEmpty() || q.tags().stream().anyMatch(d.keywords()::contains))
                && (q.formats().isEmpty() || q.formats().stream().anyMatch(f -> DownloadFormat.parse(f).isPresent()));
    }

    /** -1 when some word is missing; else more for words in the title and keywords. */
    private static int score(Dataset d, List<String> words) {
        int score = 0;
        String title = d.title().toLowerCase(Locale.ROOT);
        String keywords = String.join(" ", d.keywords()).toLowerCase(Locale.ROOT);
        String rest = String.join(" ", d.description(), d.orgName(), d.regionName() == null ? "" : d.regionName(),
                d.domainName(), d.name(), String.join(" ", d.columns().stream().map(DatasetColumn::label).toList()))
                .toLowerCase(Locale.ROOT);
        for (String w : words) {
            boolean inTitle = title.contains(w);
            boolean inKeywords = keywords.contains(w);
            if (!inTitle && !inKeywords && !rest.contains(w)
                    && !covered(w, title + " " + keywords + " " + rest)) {
                return -1;
            }
            score += (inTitle ? 3 : 0) + (inKeywords ? 2 : 0) + 1;
        }
        return score;
    }

    /**
     * Whether a word typed without spaces ({@code 丰城市低保}) is made of pieces of two characters or more that each
     * occur in the text ({@code 丰城市} and {@code 低保}), as Chinese is typed: there are no spaces to split on.
     */
    static boolean covered(String word, String text) {
        int n = word.length();
        if (n < 4 || n > 40) {
            return false;
        }
        boolean[] reach = new boolean[n + 1];
        reach[0] = true;
        for (int i = 2; i <= n; i++) {
            for (int j = i - 2; j >= 0 && !reach[i]; j--) {
                reach[i] = reach[j] && text.contains(word.substring(j, i));
            }
        }
        return reach[n];
    }

    private static List<String> words(String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String w : q.strip().toLowerCase(Locale.ROOT).split("[\\s　]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static Comparator<Scored> order(List<DatasetQuery.SortKey> keys) {
        List<DatasetQuery.SortKey> all = new ArrayList<>(keys);
        if (all.isEmpty()) {
            all.add(new DatasetQuery.SortKey(DatasetQuery.SortField.SCORE, true));
            all.add(new DatasetQuery.SortKey(DatasetQuery.SortField.MODIFIED, true));
        }
        Comparator<Scored> c = null;
        for (DatasetQuery.SortKey k : all) {
            Comparator<Scored> one = switch (k.field()) {
                case SCORE -> Comparator.comparingInt(Scored::score);
                case NAME -> Comparator.comparing(s -> s.dataset().name());
                case TITLE -> Comparator.comparing(s -> s.dataset().title());
                case CREATED -> Comparator.comparing(s -> s.dataset().created());
                case MODIFIED -> Comparator.comparing(s -> s.dataset().modified());
                case ROWS -> Comparator.comparingLong(s -> s.dataset().rowCount());
            };
            if (k.descending()) {
                one = one.reversed();
            }
            c = c == null ? one : c.thenComparing(one);
        }
        return c.thenComparing(s -> s.dataset().name());
    }

    private static void count(Map<String, Long> facet, String value) {
        if (value != null && !value.isBlank()) {
            facet.merge(value, 1L, Long::sum);
        }
    }

    /** One dataset, reading only its own facts. */
    private Optional<Dataset> one(DatasetStore.DatasetRow row) {
        Optional<CatalogItem> item = catalog.item(row.itemCode());
        Optional<Organisation> org = organisations.find(row.orgCode());
        if (item.isEmpty() || org.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(dataset(row, item.get(), org.get(), store.facts(row.id()),
                store.tags(row.id()).getOrDefault(row.id(), List.of())));
    }

    private List<Dataset> assemble(boolean withEmpty) {
        Map<Long, List<DatasetStore.RecordFacts>> facts = new HashMap<>();
        for (DatasetStore.RecordFacts f : store.facts()) {
            facts.computeIfAbsent(f.datasetId(), k -> new ArrayList<>()).add(f);
        }
        Map<Long, List<String>> tags = store.tags();
        List<Dataset> out = new ArrayList<>();
        for (DatasetStore.DatasetRow row : store.datasets()) {
            List<DatasetStore.RecordFacts> f = facts.getOrDefault(row.id(), List.of());
            if (f.isEmpty() && !withEmpty) {
                continue;
            }
            Optional<CatalogItem> item = catalog.item(row.itemCode());
            Optional<Organisation> org = organisations.find(row.orgCode());
            if (item.isEmpty() || org.isEmpty()) {
                continue;
            }
            out.add(dataset(row, item.get(), org.get(), f, tags.getOrDefault(row.id(), List.of())));
        }
        return out;
    }

    private Dataset dataset(DatasetStore.DatasetRow row, CatalogItem item, Organisation org,
            List<DatasetStore.RecordFacts> facts, List<String> recordTags) {
        CatalogDomain domain = catalog.requireDomain(item.domainCode());
        Map<Integer, Long> byYear = new TreeMap<>();
        long rows = 0;
        int records = 0;
        LocalDate from = null;
        LocalDate to = null;
        boolean demo = false;
        for (DatasetStore.RecordFacts f : facts) {
            byYear.merge(f.year(), f.rows(), Long::sum);
            rows += f.rows();
            records += f.records();
            from = from == null || f.coversFrom().isBefore(from) ? f.coversFrom() : from;
            to = to == null || f.coversTo().isAfter(to) ? f.coversTo() : to;
            demo |= f.demo();
        }
        Set<String> keywords = new LinkedHashSet<>();
        keywords.add(domain.name());
        keywords.add(item.name());
        for (String t : recordTags) {
            for (String one : t.split("、")) {
                if (!one.isBlank() && keywords.size() < 30) {
                    keywords.add(one.strip());
                }
            }
        }
        String orgName = org.name();
        List<Region> path = org.regionCode() == null ? List.of() : regions.path(org.regionCode());
        String regionName = path.isEmpty() ? null : path.get(path.size() - 1).name();
        String county = path.size() > 1 ? path.get(1).code() : org.regionCode();
        String description = orgName + "主动公开的" + item.name() + "，每行注明来源信息的索引号。"
                + (item.content() == null || item.content().isBlank() ? "" : "公开内容：" + item.content().strip());
        return new Dataset(row.name(), item.name() + "（" + orgName + "）", description, item.code(), item.name(),
                domain.code(), domain.name(), org.code(), orgName, org.regionCode(), regionName, county,
                List.copyOf(keywords), licence, UpdateFrequency.of(item.schedule()), from, to, row.created(),
                row.modified(), rows, records, byYear, FieldCodes.columns(item.fields()), demo);
    }
}
