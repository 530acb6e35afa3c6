package gongkai.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilterFactory;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizerFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import gongkai.GongkaiApplication;
import gongkai.search.RecordSearch;
import gongkai.search.SearchAnswer;
import gongkai.search.SearchIndex;
import gongkai.search.SearchQuery;
import gongkai.search.SearchSuggestions;
import gongkai.search.internal.Highlights;
import gongkai.search.internal.QueryTerms;
import gongkai.search.internal.TraditionalToSimplifiedCharFilterFactory;
import gongkai.search.internal.Vocabulary;

/**
 * The search benchmark (bench/search/README.md): bulk-loads N synthetic records, mass-indexes them, and times the
 * same queries through the search service (facets and highlighting) and through a raw Lucene searcher doing the
 * same work on the same index. Prints its figures; asserts nothing.
 */
public final class SearchBenchmark {

    private static final List<String> KEYWORD_FACETS = List.of("domainCode", "orgCode", "countyCode", "itemCode",
            "subjectClass");

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.records", 1_000_000);
        int queryCount = Integer.getInteger("bench.queries", 1000);
        Path data = Path.of("target", "bench-data").toAbsolutePath();
        if (Boolean.getBoolean("bench.rawOnly")) {
            rawOnly(data.resolve("index").resolve("records"), queryCount);
            return;
        }
        // bench.reuse: time the queries again on the previous run's records and index (after a change to the query side).
        boolean reuse = Boolean.getBoolean("bench.reuse") && Files.isDirectory(data.resolve("index"));
        if (!reuse) {
            deleteTree(data);
        }
        System.out.printf("Search benchmark: %,d records, %,d queries, max heap %d MB, %d cores%n", n, queryCount,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GongkaiApplication.class).run(
                "--gongkai.data-dir=" + data, "--server.port=0", "--logging.level.root=WARN",
                "--GONGKAI_ADMIN_PASSWORD=Bench-Only-Passw0rd", "--gongkai.search.rebuild-at-start=false")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Corpus corpus = new Corpus(42);
            List<String[]> orgs = jdbc.query("SELECT code, name, region_code FROM organisation",
                    (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            List<String[]> items = jdbc.query("SELECT code, domain_code, subject_class FROM catalog_item WHERE "
                    + "audience = 'public'", (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});

            if (reuse) {
                System.out.println("reusing the records and index of the previous run");
            } else {
                long t0 = System.nanoTime();
                load(jdbc, corpus, orgs, items, n);
                double loadSeconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf("bulk load: %,d rows in %.1f s (%,.0f rows/s)%n", n, loadSeconds, n / loadSeconds);

                long t1 = System.nanoTime();
                app.getBean(SearchIndex.class).massIndex();
                double indexSeconds = (System.nanoTime() - t1) / 1e9;
                System.out.printf("mass indexing: %,d records in %.1f s (%,.0f records/s)%n", n, indexSeconds,
                        n / indexSeconds);
            }
            Path indexDir = data.resolve("index");
            System.out.printf("index size: %,.0f MB%n", size(indexDir) / 1048576.0);
            System.gc();
            System.gc();
            System.out.printf("heap used after load: %,d MB (max %,d MB)%n",
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);

            List<String> queries = queries(queryCount);
            RecordSearch search = app.getBean(RecordSearch.class);
            queries.stream().limit(200).forEach(q -> search.search(SearchQuery.of(q)));
            long[] service = new long[queries.size()];
            List<SearchAnswer> answers = new ArrayList<>();
            for (int i = 0; i < queries.size(); i++) {
                long s = System.nanoTime();
                answers.add(search.search(SearchQuery.of(queries.get(i))));
                service[i] = System.nanoTime() - s;
            }

            // Queries typed as people type (issue 12): through the service only, each kind of path counted.
            List<String> typed = typedQueries(queryCount);
            typed.stream().limit(200).forEach(q -> search.search(SearchQuery.of(q)));
            long[] typedNanos = new long[typed.size()];
            int respelled = 0;
            int partly = 0;
            int none = 0;
            for (int i = 0; i < typed.size(); i++) {
                long s = System.nanoTime();
                SearchAnswer a = search.search(SearchQuery.of(typed.get(i)));
                typedNanos[i] = System.nanoTime() - s;
                respelled += a.respelled() != null ? 1 : 0;
                partly += a.respelled() == null && a.message() != null && a.total() > 0 ? 1 : 0;
                none += a.total() == 0 ? 1 : 0;
            }

            // Suggestions while typing: the first 2, 3, … characters of each typed query, as a box asks at each pause.
            SearchSuggestions suggestions = app.getBean(SearchSuggestions.class);
            List<String> prefixes = new ArrayList<>();
            for (String q : typed) {
                for (int length = 2; length <= Math.min(6, q.length()); length += 2) {
                    prefixes.add(q.substring(0, length));
                }
            }
            prefixes.stream().limit(200).forEach(suggestions::suggest);
            long[] suggestNanos = new long[prefixes.size()];
            for (int i = 0; i < prefixes.size(); i++) {
                long s = System.nanoTime();
                suggestions.suggest(prefixes.get(i));
                suggestNanos[i] = System.nanoTime() - s;
            }

            RawLucene raw = new RawLucene(indexDir.resolve("records"));
            queries.stream().limit(200).forEach(raw::run);
            long[] lucene = new long[queries.size()];
            int sameTop = 0;
            int sameFacets = 0;
            for (int i = 0; i < queries.size(); i++) {
                long s = System.nanoTime();
                RawLucene.Result r = raw.run(queries.get(i));
                lucene[i] = System.nanoTime() - s;
                SearchAnswer a = answers.get(i);
                if (a.hits().stream().map(h -> h.indexNo()).toList().equals(r.indexNumbers())) {
                    sameTop++;
                }
                if (facetsOf(a).equals(r.facets())) {
                    sameFacets++;
                }
            }
            raw.splitCounting = false;
            queries.stream().limit(200).forEach(raw::run);
            long[] single = new long[queries.size()];
            for (int i = 0; i < queries.size(); i++) {
                long s = System.nanoTime();
                raw.run(queries.get(i));
                single[i] = System.nanoTime() - s;
            }
            System.gc();
            System.out.printf("heap used while serving: %,d MB%n",
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
            report("service (facets + highlighting)", service);
            report("service, queries typed as people type (no spaces, body names, typos, an absent word)",
                    typedNanos);
            long[] all = Arrays.copyOf(service, service.length + typedNanos.length);
            System.arraycopy(typedNanos, 0, all, service.length, typedNanos.length);
            report("service, both sets together", all);
            report("suggestions while typing (" + prefixes.size() + " prefixes of the typed queries)", suggestNanos);
            System.out.printf("typed queries: %d respelled, %d with most of the words, %d with nothing found, of %d%n",
                    respelled, partly, none, typed.size());
            report("raw Lucene, the same plan (best hits + counting on a second thread, highlighting)", lucene);
            report("raw Lucene, one query collecting hits and facets on one thread", single);
            System.out.printf("p99 ratio service/raw: %.2f%n", percentile(service, 99) / (double) percentile(lucene, 99));
            System.out.printf("same top-20 as raw Lucene: %d of %d queries; same facet counts: %d of %d%n", sameTop,
                    queries.size(), sameFacets, queries.size());
            raw.close();
        }
    }

    /**
     * On the index of the previous run, compares facet counting over every match with counting over the best
     * 1,000 matches (which lets the engine skip), through raw Lucene only.
     */
    private static void rawOnly(Path index, int queryCount) throws Exception {
        List<String> queries = queries(queryCount);
        try (RawLucene raw = new RawLucene(index)) {
            raw.termsOnly = true;
            queries.stream().limit(200).forEach(raw::run);
            long[] proxy = new long[queries.size()];
            for (int i = 0; i < queries.size(); i++) {
                long s = System.nanoTime();
                raw.run(queries.get(i));
                proxy[i] = System.nanoTime() - s;
            }
            report("raw Lucene, single-token terms (cost proxy), facets over every match", proxy);
            raw.termsOnly = false;
            raw.smartcnTitleOnly = false;
            queries.stream().limit(200).forEach(raw::run);
            long[] onText = new long[queries.size()];
            for (int i = 0; i < queries.size(); i++) {
                long s = System.nanoTime();
                raw.run(queries.get(i));
                onText[i] = System.nanoTime() - s;
            }
            report("raw Lucene, smartcn clause also on the text", onText);
            raw.smartcnTitleOnly = true;
            for (boolean sample : new boolean[] {false, true}) {
                raw.sampleFacets = sample;
                queries.stream().limit(200).forEach(raw::run);
                long[] t = new long[queries.size()];
                for (int i = 0; i < queries.size(); i++) {
                    long s = System.nanoTime();
                    raw.run(queries.get(i));
                    t[i] = System.nanoTime() - s;
                }
                report(sample ? "raw Lucene, facets over the best 1,000" : "raw Lucene, facets over every match", t);
            }
        }
    }

    /** The timed queries: from a generator of their own, so every mode and every run asks the same ones. */
    private static List<String> queries(int count) {
        Corpus corpus = new Corpus(7);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            queries.add(corpus.query());
        }
        return queries;
    }

    private static List<String> typedQueries(int count) {
        Corpus corpus = new Corpus(11);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            queries.add(corpus.typedQuery());
        }
        return queries;
    }

    private static Map<String, Map<String, Long>> facetsOf(SearchAnswer a) {
        Map<String, String> fields = Map.of("domain", "domainCode", "org", "orgCode", "region", "countyCode",
                "item", "itemCode", "subjectClass", "subjectClass", "year", "publishedYear");
        Map<String, Map<String, Long>> out = new HashMap<>();
        fields.forEach((facet, field) -> {
            Map<String, Long> counts = new HashMap<>();
            a.facets().getOrDefault(facet, List.of()).forEach(c -> counts.put(c.value(), c.count()));
            out.put(field, counts);
        });
        return out;
    }

    private static void load(JdbcTemplate jdbc, Corpus corpus, List<String[]> orgs, List<String[]> items, int n) {
        String sql = "INSERT INTO search_document (id, index_no, title, summary, content, keywords, document_number, "
                + "org_code, publisher, region_code, county_code, domain_code, item_code, subject_class, "
                + "published_at, published_year, demo) VALUES (?, ?, ?, '', ?, '', NULL, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, FALSE)";
        Instant end = Instant.parse("2026-11-27T00:00:00Z");
        int batch = 2000;
        for (int start = 1; start <= n; start += batch) {
            List<Object[]> rows = new ArrayList<>(batch);
            for (int id = start; id < start + batch && id <= n; id++) {
                boolean traditional = corpus.traditional();
                String[] org = orgs.get(corpus.nextInt(orgs.size()));
                String[] item = items.get(corpus.nextInt(items.size()));
                Instant at = end.minus(Duration.ofMinutes(corpus.nextInt(8 * 365 * 24 * 60)));
                rows.add(new Object[] {id, org[0] + "/" + at.atZone(ZoneId.of("Asia/Shanghai")).getYear() + "-"
                        + String.format("%07d", id), corpus.title(traditional), corpus.body(traditional), org[0], org[1],
                        org[2], org[2], item[1], item[0], item[2], Timestamp.from(at),
                        at.atZone(ZoneId.of("Asia/Shanghai")).getYear()});
            }
            jdbc.batchUpdate(sql, rows);
        }
    }

    private static void report(String what, long[] nanos) {
        System.out.printf("%s: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, percentile(nanos, 50) / 1e6,
                percentile(nanos, 99) / 1e6, Arrays.stream(nanos).max().orElse(0) / 1e6);
    }

    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * The same search done with Lucene directly: the same analyzers, the same clauses and boosts as the service's
     * query, facet counts from the same doc values, the same highlighting of the stored text, top 20 by score.
     */
    static final class RawLucene implements AutoCloseable {

        record Result(List<String> indexNumbers, Map<String, Map<String, Long>> facets) {
        }

        private final DirectoryReader reader;
        private final IndexSearcher searcher;
        private final Analyzer bigram;
        private final Analyzer words;
        /** Count facets over the best 1,000 matches only, instead of every match. */
        boolean sampleFacets;
        /** Experiment: match each smartcn token as one term instead of bigram phrases (what a dictionary field costs). */
        boolean termsOnly;
        /** As the service: the optional smartcn clause on the title only (false: also on the text, as before). */
        boolean smartcnTitleOnly = true;
        /**
         * As the service: best hits on this thread while another counts matches and facets with the matching clauses
         * only (false: one query collecting both, on one thread).
         */
        boolean splitCounting = true;
        private final java.util.concurrent.ExecutorService counting = java.util.concurrent.Executors
                .newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "raw-counting");
                    t.setDaemon(true);
                    return t;
                });

        RawLucene(Path dir) throws IOException {
            reader = DirectoryReader.open(FSDirectory.open(dir));
            searcher = new IndexSearcher(reader);
            bigram = CustomAnalyzer.builder().withTokenizer(StandardTokenizerFactory.class)
                    .addCharFilter(ICUNormalizer2CharFilterFactory.class, "name", "nfkc_cf")
                    .addCharFilter(TraditionalToSimplifiedCharFilterFactory.class)
                    .addTokenFilter(LowerCaseFilterFactory.class).addTokenFilter(CJKBigramFilterFactory.class).build();
            words = CustomAnalyzer.builder().withTokenizer(HMMChineseTokenizerFactory.class)
                    .addCharFilter(ICUNormalizer2CharFilterFactory.class, "name", "nfkc_cf")
                    .addCharFilter(TraditionalToSimplifiedCharFilterFactory.class)
                    .addTokenFilter(LowerCaseFilterFactory.class).build();
        }

        Result run(String q) {
            try {
                Query query = query(q);
                if (sampleFacets) {
                    TopDocs best = searcher.search(query, new TopScoreDocCollectorManager(1000, 1000));
                    Map<String, Map<String, Long>> counts = sampleCounts(best);
                    TopDocs docs = new TopDocs(best.totalHits, Arrays.copyOf(best.scoreDocs,
                            Math.min(20, best.scoreDocs.length)));
                    return new Result(highlighted(q, docs), counts);
                }
                // Ties in score are broken by date, newest first, as the service does.
                var top = new TopFieldCollectorManager(new Sort(SortField.FIELD_SCORE,
                        new SortedNumericSortField("publishedAt", SortField.Type.LONG, true)), 20, null, 1000);
                TopDocs docs;
                Map<String, Map<String, Long>> counts;
                if (splitCounting) {
                    Query matching = matchingOnly(q);
                    var pending = counting.submit(() -> searcher.search(matching, new FacetManager()));
                    docs = searcher.search(query, top);
                    counts = pending.get();
                } else {
                    Object[] results = searcher.search(query, new MultiCollectorManager(top, new FacetManager()));
                    docs = (TopDocs) results[0];
                    @SuppressWarnings("unchecked")
                    Map<String, Map<String, Long>> all = (Map<String, Map<String, Long>>) results[1];
                    counts = all;
                }
                return new Result(highlighted(q, docs), counts);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }

        /** What decides whether a record matches: every word in the title or the text. */
        private Query matchingOnly(String q) throws IOException {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (String term : q.split("\\s+")) {
                if (!term.isBlank()) {
                    b.add(new BooleanQuery.Builder().add(contains("title", term), Occur.SHOULD)
                            .add(contains("text", term), Occur.SHOULD).build(), Occur.FILTER);
                }
            }
            return b.build();
        }

        /** Facet counts of the given hits, read from doc values segment by segment. */
        private Map<String, Map<String, Long>> sampleCounts(TopDocs best) throws IOException {
            Map<String, Map<String, Long>> counts = new HashMap<>();
            var leaves = reader.leaves();
            int[] docs = Arrays.stream(best.scoreDocs).mapToInt(sd -> sd.doc).sorted().toArray();
            int current = -1;
            SortedSetDocValues[] values = new SortedSetDocValues[KEYWORD_FACETS.size()];
            for (int global : docs) {
                int leafIndex = org.apache.lucene.index.ReaderUtil.subIndex(global, leaves);
                var leaf = leaves.get(leafIndex);
                if (leafIndex != current) {
                    current = leafIndex;
                    for (int i = 0; i < values.length; i++) {
                        values[i] = leaf.reader().getSortedSetDocValues(KEYWORD_FACETS.get(i));
                    }
                }
                int doc = global - leaf.docBase;
                for (int i = 0; i < values.length; i++) {
                    String field = KEYWORD_FACETS.get(i);
                    SortedSetDocValues dv = values[i];
                    if (dv != null && dv.advanceExact(doc)) {
                        for (int k = 0; k < dv.docValueCount(); k++) {
                            counts.computeIfAbsent(field, f -> new HashMap<>())
                                    .merge(dv.lookupOrd(dv.nextOrd()).utf8ToString(), 1L, Long::sum);
                        }
                    }
                }
            }
            return counts;
        }

        private Query query(String q) throws IOException {
            if (termsOnly) {
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                for (String token : tokens(this.words, q)) {
                    b.add(new TermQuery(new Term("text_sc", token)), Occur.MUST);
                }
                return b.build();
            }
            List<String> terms = Arrays.stream(q.split("\\s+")).filter(t -> !t.isBlank()).toList();
            BooleanQuery.Builder words = new BooleanQuery.Builder();
            List<Query> titlePhrases = new ArrayList<>();
            for (String term : terms) {
                Query title = contains("title", term);
                Query text = contains("text", term);
                words.add(new BooleanQuery.Builder().add(new BoostQuery(title, 5f), Occur.SHOULD)
                        .add(text, Occur.SHOULD).build(), Occur.MUST);
                titlePhrases.add(title);
            }
            if (terms.size() > 1) {
                BooleanQuery.Builder all = new BooleanQuery.Builder();
                titlePhrases.forEach(t -> all.add(t, Occur.MUST));
                words.add(new BoostQuery(all.build(), 4f), Occur.SHOULD);
            }
            BooleanQuery.Builder smart = new BooleanQuery.Builder();
            for (String token : tokens(this.words, q)) {
                smart.add(new BoostQuery(new TermQuery(new Term("title_sc", token)), 2f), Occur.SHOULD);
                if (!smartcnTitleOnly) {
                    smart.add(new TermQuery(new Term("text_sc", token)), Occur.SHOULD);
                }
            }
            words.add(smart.build(), Occur.SHOULD);
            long now = Instant.now().toEpochMilli();
            return new BooleanQuery.Builder().add(words.build(), Occur.MUST)
                    .add(new BoostQuery(new ConstantScoreQuery(LongPoint.newRangeQuery("publishedAt",
                            now - Duration.ofDays(365).toMillis(), Long.MAX_VALUE)), 0.5f), Occur.SHOULD)
                    .add(new BoostQuery(new ConstantScoreQuery(LongPoint.newRangeQuery("publishedAt",
                            now - Duration.ofDays(60).toMillis(), Long.MAX_VALUE)), 0.5f), Occur.SHOULD)
                    .build();
        }

        /** As the service: one vocabulary term when the word is in the vocabulary, else a phrase of bigrams. */
        private Query contains(String field, String term) throws IOException {
            String folded = Vocabulary.fold(term);
            return Vocabulary.get().contains(folded) ? new TermQuery(new Term(field + "_terms", folded))
                    : phrase(field + "_cjk", term);
        }

        /** As the service: the stored title and text of each hit, marked and cut into fragments; the index numbers. */
        private List<String> highlighted(String q, TopDocs docs) throws IOException {
            Highlights highlights = Highlights.of(QueryTerms.parse(q));
            List<String> ids = new ArrayList<>();
            var stored = searcher.storedFields();
            for (var sd : docs.scoreDocs) {
                var doc = stored.document(sd.doc);
                highlights.title(doc.get("title_cjk"));
                highlights.fragments(doc.get("text_cjk"));
                ids.add(doc.get("indexNo"));
            }
            return ids;
        }

        private Query phrase(String field, String term) throws IOException {
            PhraseQuery.Builder b = new PhraseQuery.Builder();
            for (String token : tokens(bigram, term)) {
                b.add(new Term(field, token));
            }
            return b.build();
        }

        private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
            List<String> out = new ArrayList<>();
            try (TokenStream ts = analyzer.tokenStream("f", text)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    out.add(term.toString());
                }
                ts.end();
            }
            return out;
        }

        @Override
        public void close() throws IOException {
            counting.shutdownNow();
            reader.close();
        }

        /** Facet counts from the keyword fields' doc values, over every matching document. */
        static final class FacetManager implements CollectorManager<Collector, Map<String, Map<String, Long>>> {

            @Override
            public Collector newCollector() {
                return new FacetCollector();
            }

            @Override
            public Map<String, Map<String, Long>> reduce(java.util.Collection<Collector> collectors) {
                Map<String, Map<String, Long>> all = new HashMap<>();
                for (Collector c : collectors) {
                    ((FacetCollector) c).finish();
                    ((FacetCollector) c).years.forEach((y, v) -> all.computeIfAbsent("publishedYear",
                            f -> new HashMap<>()).merge(String.valueOf(y), v, Long::sum));
                    ((FacetCollector) c).counts.forEach((field, m) -> m.forEach((k, v) ->
                            all.computeIfAbsent(field, f -> new HashMap<>()).merge(k, v, Long::sum)));
                }
                return all;
            }
        }

        static final class FacetCollector extends SimpleCollector {
            final Map<String, Map<String, Long>> counts = new HashMap<>();
            private final Map<Long, Long> years = new HashMap<>();
            private org.apache.lucene.index.SortedNumericDocValues yearValues;
            private org.apache.lucene.index.NumericDocValues yearValue;
            private final SortedSetDocValues[] values = new SortedSetDocValues[KEYWORD_FACETS.size()];
            private long[][] ordCounts = new long[KEYWORD_FACETS.size()][];

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                yearValues = context.reader().getSortedNumericDocValues("publishedYear");
                yearValue = yearValues == null ? context.reader().getNumericDocValues("publishedYear") : null;
                for (int i = 0; i < KEYWORD_FACETS.size(); i++) {
                    values[i] = context.reader().getSortedSetDocValues(KEYWORD_FACETS.get(i));
                    ordCounts[i] = values[i] == null ? null : new long[(int) values[i].getValueCount()];
                }
            }

            @Override
            public void collect(int doc) throws IOException {
                if (yearValues != null && yearValues.advanceExact(doc)) {
                    for (int k = 0; k < yearValues.docValueCount(); k++) {
                        years.merge(yearValues.nextValue(), 1L, Long::sum);
                    }
                } else if (yearValue != null && yearValue.advanceExact(doc)) {
                    years.merge(yearValue.longValue(), 1L, Long::sum);
                }
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != null && values[i].advanceExact(doc)) {
                        for (int k = 0; k < values[i].docValueCount(); k++) {
                            ordCounts[i][(int) values[i].nextOrd()]++;
                        }
                    }
                }
            }

            /** Lucene calls this after each segment: its ordinals are turned into values while they still mean one. */
            @Override
            public void finish() {
                try {
                    for (int i = 0; i < values.length; i++) {
                        if (values[i] == null || ordCounts[i] == null) {
                            continue;
                        }
                        for (int ord = 0; ord < ordCounts[i].length; ord++) {
                            if (ordCounts[i][ord] > 0) {
                                counts.computeIfAbsent(KEYWORD_FACETS.get(i), f -> new HashMap<>())
                                        .merge(values[i].lookupOrd(ord).utf8ToString(), ordCounts[i][ord], Long::sum);
                            }
                        }
                        ordCounts[i] = null;
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        }
    }
}
