package gongkai.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.util.common.data.RangeBoundInclusion;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

import gongkai.catalog.Audience;
import gongkai.catalog.Catalog;
import gongkai.org.Organisations;
import gongkai.region.Regions;
import gongkai.search.internal.CountingWorkers;
import gongkai.search.internal.Highlights;
import gongkai.search.internal.Lexicon;
import gongkai.search.internal.QueryTerms;
import gongkai.search.internal.SearchDocument;
import gongkai.search.internal.SearchNames;
import gongkai.search.internal.Vocabulary;

/**
 * Full-text search over the published records open to everyone. Every word typed must occur (as a run of
 * characters, Simplified or Traditional alike); smartcn words and title matches raise the score, and so does
 * freshness; a document or index number typed whole is matched exactly. Counts are exact up to
 * {@link #EXACT_COUNT_UP_TO}; past that the engine may skip what cannot reach the top hits.
 */
@Service
public class RecordSearch {

    public static final int PAGE_SIZE = 20;
    /** Relevance pages stop here; date order pages on with a cursor. */
    public static final int MAX_PAGES = 50;
    static final int EXACT_COUNT_UP_TO = 1000;
    /** Said above results that contain only some of the words. */
    static final String PARTLY = "未找到同时包含全部词语的结果，以下结果包含部分词语。";
    /** The facets, and how many values of each are shown (the most frequent). */
    private static final Map<String, Integer> FACETS = facetLimits();
    /** More than all facet values together (7 domains, 4 kinds, some 30 organisations, 14 counties, 48 items …). */
    private static final int FACET_VALUES_AT_MOST = 2000;

    private final EntityManagerFactory entityManagerFactory;
    private final Catalog catalog;
    private final Organisations organisations;
    private final Regions regions;
    private final Clock clock;
    private final CountingWorkers facetWorkers;
    private final boolean useVocabulary;
    private final SearchNames searchNames;
    private volatile Names names = new Names(Map.of(), Map.of(), Instant.EPOCH);

    /** Region and organisation names for labels, read at most once a minute rather than on every search. */
    private record Names(Map<String, String> regions, Map<String, String> organisations, Instant readAt) {
    }

    RecordSearch(EntityManagerFactory entityManagerFactory, Catalog catalog, Organisations organisations,
            Regions regions, Clock clock, CountingWorkers facetWorkers, SearchNames searchNames,
            @Value("${gongkai.search.vocabulary:true}") boolean useVocabulary) {
        this.searchNames = searchNames;
        this.entityManagerFactory = entityManagerFactory;
        this.catalog = catalog;
        this.organisations = organisations;
        this.regions = regions;
        this.clock = clock;
        this.facetWorkers = facetWorkers;
        this.useVocabulary = useVocabulary;
    }

    /**
     * Searches with projections only: nothing is loaded from the database, so no transaction or connection is
     * taken; the session exists just to reach the index.
     */
    public SearchAnswer search(SearchQuery query) {
        try (EntityManager entityManager = entityManagerFactory.createEntityManager()) {
            SearchAnswer answer = search(query, entityManager);
            return answer.total() == 0 && query.filtered() && query.page() == 0 && query.cursor() == null
                    ? widened(query, answer) : answer;
        }
    }

    /**
     * When the filters leave nothing, each chosen facet shows what it would find with its own filter changed (the
     * counts of the query without that filter), so that the visitor can change it rather than start again; and the
     * message says whether the words find anything without any filter.
     */
    private SearchAnswer widened(SearchQuery query, SearchAnswer answer) {
        QueryTerms typed = QueryTerms.parse(query.q());
        if (typed.isEmpty()) {
            return answer;
        }
        Instant now = Instant.now(clock);
        QueryTerms words = typed.understood(searchNames.lexicon());
        List<QueryTerms> wordings = new java.util.ArrayList<>(List.of(words));
        if (words.words().size() >= 3) {
            wordings.add(words.relaxed());
        }
        Map<String, Future<Counts>> sideways = new LinkedHashMap<>();
        for (String facet : FACETS.keySet()) {
            SearchQuery without = query.without(facet);
            if (!without.equals(query)) {
                sideways.put(facet, facetWorkers.submit(() -> firstCounted(wordings, without, now)));
            }
        }
        Future<Counts> unfiltered = facetWorkers.submit(() -> firstCounted(wordings, query.withoutFilters(), now));
        Map<String, String> orgNames = names.organisations();
        Map<String, String> regionNames = names.regions();
        Map<String, List<SearchAnswer.FacetCount>> facets = new LinkedHashMap<>();
        sideways.forEach((facet, counting) -> {
            List<SearchAnswer.FacetCount> values = labelled(facet,
                    facetWorkers.await(counting).facets().getOrDefault(facet, Map.of()), orgNames, regionNames);
            if (!values.isEmpty()) {
                facets.put(facet, values);
            }
        });
        long withoutFilters = facetWorkers.await(unfiltered).total();
        if (withoutFilters == 0) {
            return answer;
        }
        String message = facets.isEmpty()
                ? "在所选条件下没有找到信息；不加条件时有" + withoutFilters + "条，请去掉某个条件。"
                : "在所选条件下没有找到信息。可以去掉某个条件，或在分类中改选（括号内为改选后的条数）。";
        return new SearchAnswer(answer.q(), answer.hits(), 0, 0, answer.pageSize(), 0, facets, null, message)
                .offering(answer.related());
    }

    /** The counts of the first wording that matches anything (every word, then most of them). */
    private Counts firstCounted(List<QueryTerms> wordings, SearchQuery query, Instant now) {
        Set<String> regionCodes = query.region() == null || query.region().isBlank() ? null
                : regions.selfAndDescendants(query.region());
        Counts counts = null;
        for (QueryTerms terms : wordings) {
            counts = count(terms, query, regionCodes, now);
            if (counts.total() > 0) {
                break;
            }
        }
        return counts;
    }

    private SearchAnswer search(SearchQuery query, EntityManager entityManager) {
        Instant now = Instant.now(clock);
        Names labels = names;
        if (labels.readAt().isBefore(now.minus(Duration.ofMinutes(1)))) {
            labels = new Names(regions.namesByCode(), organisations.namesByCode(), now);
            names = labels;
        }
        QueryTerms typed = QueryTerms.parse(query.q());
        if (typed.isEmpty()) {
            return empty(query, typed.problem());
        }
        int page = Math.max(0, query.page());
        if (!query.byDate() && page >= MAX_PAGES) {
            return empty(query, "最多显示前" + MAX_PAGES + "页结果，请增加查找词语或使用左侧分类缩小范围。");
        }
        Set<String> regionCodes = query.region() == null || query.region().isBlank() ? null
                : regions.selfAndDescendants(query.region());
        Cursor cursor = query.byDate() ? Cursor.parse(query.cursor()) : null;
        Lexicon lexicon = searchNames.lexicon();
        QueryTerms words = typed.understood(lexicon);
        SearchAnswer answer = answer(entityManager, words, query, regionCodes, cursor, now, page, labels, null);
        if (answer.total() > 0 || page > 0 || cursor != null) {
            return answer.offering(named(words));
        }
        // A typo of one character where a known word was meant (最底生活保障): the first respelling that finds every
        // word. Tried before fewer words, which would find the other words without the one that was meant.
        // Each candidate is first only asked whether anything matches (the engine stops at the first match); the one
        // that does is searched in full.
        for (String respelled : lexicon.respellings(Lexicon.fold(typed.display()), RESPELLINGS_TRIED)) {
            QueryTerms other = QueryTerms.parse(respelled).understood(lexicon);
            if (anyMatch(entityManager, other, query, regionCodes, now)) {
                return answer(entityManager, other, query, regionCodes, cursor, now, page, labels,
                        "没有找到“" + typed.display() + "”，以下是“" + respelled + "”的结果。").respelled(respelled)
                        .offering(named(other));
            }
        }
        // From three words on, most of them will do, and the page says so (of two words, one alone finds too much
        // that was not asked for: a name like 赵检索 would find every text that says 检索).
        if (words.words().size() >= 3 && anyMatch(entityManager, words.relaxed(), query, regionCodes, now)) {
            return answer(entityManager, words.relaxed(), query, regionCodes, cursor, now, page, labels, PARTLY)
                    .offering(named(words));
        }
        String compact = Lexicon.fold(typed.display());
        List<SearchAnswer.Related> closest = new java.util.ArrayList<>(related(lexicon.closest(compact,
                Lexicon.Kind.ITEM, 3)));
        closest.addAll(related(lexicon.closest(compact, Lexicon.Kind.ORG, 2)));
        return answer.offering(closest);
    }

    /** How many respellings a query that finds nothing tries, each one search (bench/search counts them). */
    private static final int RESPELLINGS_TRIED = 2;

    /** The bodies and catalogue items the query names, to offer beside the results. */
    private List<SearchAnswer.Related> named(QueryTerms words) {
        return related(words.words().stream().flatMap(w -> w.names().stream()).distinct().limit(6).toList());
    }

    /** Said beside an item whose records are targeted: a resident looking for them should know why none are listed. */
    static final String TARGETED_ITEM = "仅向所涉区域的居民或特定群体公开，不在搜索结果中显示";

    private List<SearchAnswer.Related> related(List<Lexicon.Name> names) {
        return names.stream().map(n -> n.kind() == Lexicon.Kind.ORG
                ? new SearchAnswer.Related("org", n.code(), n.label(), "/orgs/" + n.code(), null)
                : new SearchAnswer.Related("item", n.code(), n.label(), "/catalog/" + n.code(),
                        catalog.item(n.code()).filter(i -> i.audience() == Audience.TARGETED)
                                .map(i -> TARGETED_ITEM).orElse(null))).toList();
    }

    private SearchAnswer answer(EntityManager entityManager, QueryTerms terms, SearchQuery query,
            Set<String> regionCodes, Cursor cursor, Instant now, int page, Names labels, String note) {

        // The facet counts visit every match, the best hits need not: two queries, the counting one on another
        // thread, so that a visitor waits for the longer of the two rather than for both.
        Future<Counts> counting = facetWorkers.submit(() -> count(terms, query, regionCodes, now));
        SearchResult<List<?>> result = bestHits(entityManager, terms, query, regionCodes, cursor, now, page);
        Map<String, String> regionNames = labels.regions();
        Map<String, String> orgNames = labels.organisations();
        Highlights highlights = Highlights.of(terms);
        List<SearchHit> hits = result.hits().stream().map(row -> hit(row, regionNames, highlights)).toList();
        Counts counts = facetWorkers.await(counting);
        Map<String, List<SearchAnswer.FacetCount>> facets = new LinkedHashMap<>();
        counts.facets().forEach((name, values) -> facets.put(name, labelled(name, values, orgNames, regionNames)));
        long total = counts.total();
        int pages = (int) Math.min(MAX_PAGES, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        String next = null;
        if (query.byDate() && hits.size() == PAGE_SIZE) {
            List<?> last = result.hits().get(result.hits().size() - 1);
            next = new Cursor((Instant) last.get(7), (Long) last.get(0)).toString();
        }
        return new SearchAnswer(terms.display(), hits, total, cursor != null ? 0 : page, PAGE_SIZE, pages,
                facets, next, hits.isEmpty() ? "没有找到符合条件的信息。可以减少查找词语，或换一种说法。" : note);
    }

    /**
     * The page of best hits: scored (or in date order), counting exactly only up to {@link #EXACT_COUNT_UP_TO} so
     * that the engine may skip what cannot reach the page.
     */
    private SearchResult<List<?>> bestHits(EntityManager entityManager, QueryTerms terms, SearchQuery query,
            Set<String> regionCodes, Cursor cursor, Instant now, int page) {
        var step = org.hibernate.search.mapper.orm.Search.session(entityManager).search(SearchDocument.class)
                .select(f -> f.composite().from(f.id(Long.class), f.field("indexNo", String.class),
                        f.field("title_cjk", String.class), f.field("publisher", String.class),
                        f.field("domainCode", String.class), f.field("itemCode", String.class),
                        f.field("regionCode", String.class), f.field("publishedAt", Instant.class),
                        f.field("demo", Boolean.class), f.field("text_cjk", String.class)).asList())
                .where(f -> where(f, terms, query, regionCodes, cursor, now, true))
                .sort(f -> query.byDate() ? f.field("publishedAt").desc().then().field("rid").desc()
                        : f.score().then().field("publishedAt").desc())
                .totalHitCountThreshold(EXACT_COUNT_UP_TO);
        return cursor != null ? step.fetch(PAGE_SIZE) : step.fetch(page * PAGE_SIZE, PAGE_SIZE);
    }

    /** Whether any record matches: the matching clauses only, stopping at the first match. */
    private boolean anyMatch(EntityManager entityManager, QueryTerms terms, SearchQuery query, Set<String> regionCodes,
            Instant now) {
        return org.hibernate.search.mapper.orm.Search.session(entityManager).search(SearchDocument.class)
                .select(f -> f.id(Long.class))
                .where(f -> where(f, terms, query, regionCodes, null, now, false))
                .totalHitCountThreshold(1).fetch(0).total().hitCountLowerBound() > 0;
    }

    /** How many records match, and the facet counts over all of them; no scores, no hits. */
    private record Counts(long total, Map<String, Map<String, Long>> facets) {
    }

    private Counts count(QueryTerms terms, SearchQuery query, Set<String> regionCodes, Instant now) {
        try (EntityManager entityManager = entityManagerFactory.createEntityManager()) {
            AggregationKey<Map<String, Long>> key = AggregationKey.of(SearchDocument.FACETS);
            SearchResult<Long> result = org.hibernate.search.mapper.orm.Search.session(entityManager)
                    .search(SearchDocument.class)
                    .select(f -> f.id(Long.class))
                    .where(f -> where(f, terms, query, regionCodes, null, now, false))
                    .sort(f -> f.indexOrder())
                    .aggregation(key, f -> f.terms().field(SearchDocument.FACETS, String.class)
                            .maxTermCount(FACET_VALUES_AT_MOST))
                    .fetch(0);
            Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
            FACETS.keySet().forEach(name -> facets.put(name, new LinkedHashMap<>()));
            result.aggregation(key).forEach((value, count) -> {
                int cut = value.indexOf(SearchDocument.FACET_SEPARATOR);
                Map<String, Long> counts = cut < 0 ? null : facets.get(value.substring(0, cut));
                if (counts != null) {
                    counts.put(value.substring(cut + 1), count);
                }
            });
            return new Counts(result.total().hitCount(), facets);
        }
    }

    /**
     * The query. Without {@code scoring} it keeps only what decides whether a record matches (every word, the
     * filters) and drops the clauses that only raise a score.
     */
    private PredicateFinalStep where(SearchPredicateFactory f, QueryTerms terms, SearchQuery q, Set<String> regionCodes,
            Cursor cursor, Instant now, boolean scoring) {
        var all = f.bool();
        var words = f.bool();
        boolean relaxed = terms.isRelaxed();
        var some = f.bool();
        for (Lexicon.Word word : terms.words()) {
            String term = word.text();
            // The title's weight sits inside the clause every record must match (rather than in an extra optional
            // clause), so that the engine can skip records that match in the text only once the page is full of
            // title matches.
            PredicateFinalStep found = QueryTerms.isSingleCjk(term)
                    ? f.match().field("title_sc").field("text_sc").matching(term)
                    : contains(f, term, "title", 5f).add(contains(f, term, "text", 1f));
            if (word.number() != null) {
                // 七月 as texts write it: 7月, where the 7 is the token (the 月 may begin another word, 月份).
                found = f.or().add(found).add(contains(f, word.number(), "title", 5f))
                        .add(contains(f, word.number(), "text", 1f));
            }
            if (!word.names().isEmpty()) {
                // A body's name (or short form) finds its records, a catalogue item's name the item's, even where
                // the text never says it.
                found = f.or().add(found).add(f.or(named(f, word, Lexicon.Kind.ORG, "orgCode"),
                        named(f, word, Lexicon.Kind.ITEM, "itemCode")).constantScore().boost(3f));
            }
            if (relaxed && word.names().isEmpty()) {
                some.should(found);
            } else {
                words.must(found); // a body or item named is never the word left out
            }
        }
        if (relaxed) {
            words.must(some.minimumShouldMatchNumber(terms.requiredUnnamed()));
        }
        List<String> bigramWords = terms.words().stream().map(Lexicon.Word::text)
                .filter(t -> !QueryTerms.isSingleCjk(t)).toList();
        if (scoring && bigramWords.size() > 1) {
            // Every word in the title is the best sign that a record is about what was asked; the words close
            // together in the title, the next best.
            var allInTitle = f.and();
            bigramWords.forEach(t -> allInTitle.add(contains(f, t, "title", 1f)));
            words.should(allInTitle.boost(4f));
            words.should(f.phrase().field("title_cjk").matching(String.join(" ", bigramWords)).slop(4).boost(2f));
        }
        if (scoring) {
            // A term typed without spaces and found as typed, in the title or the text, beats its words found apart.
            // Only for a term that was cut: a term that is one word is already matched as a phrase.
            Set<String> whole = new java.util.HashSet<>(bigramWords);
            for (String term : terms.terms()) {
                if (!QueryTerms.isSingleCjk(term) && !whole.contains(Lexicon.fold(term))) {
                    words.should(f.phrase().field("title_cjk").matching(term).boost(3f));
                    words.should(f.phrase().field("text_cjk").matching(term).boost(1f));
                }
            }
            // smartcn words raise the score of titles that say it in so many words; on the text the same clause
            // would be checked against every match, which costs more than it is worth (bench/search).
            words.should(f.match().field("title_sc").boost(2f).matching(terms.display()));
        }
        String exact = terms.exactKey();
        if (exact != null) {
            var exactMatch = f.match().field(SearchDocument.NUMBER_KEYS).matching(exact);
            all.must(f.or(exactMatch, words));
            if (scoring) {
                all.should(f.match().field(SearchDocument.NUMBER_KEYS).matching(exact).boost(50f));
            }
        } else {
            all.must(words);
        }
        if (scoring) {
            all.should(f.range().field("publishedAt").atLeast(now.minus(Duration.ofDays(365))).constantScore()
                    .boost(0.5f));
            all.should(f.range().field("publishedAt").atLeast(now.minus(Duration.ofDays(60))).constantScore()
                    .boost(0.5f));
        }
        filter(all, f, "domainCode", q.domain());
        filter(all, f, "orgCode", q.org());
        filter(all, f, "itemCode", q.item());
        filter(all, f, "subjectClass", q.subjectClass());
        advanced(all, f, terms, q);
        if (q.year() != null) {
            all.filter(f.match().field("publishedYear").matching(q.year()));
        }
        if (regionCodes != null) {
            all.filter(f.terms().field("regionCode").matchingAny(regionCodes));
        }
        if (cursor != null) {
            all.filter(f.or(f.range().field("publishedAt").lessThan(cursor.at()),
                    f.and(f.match().field("publishedAt").matching(cursor.at()),
                            f.range().field("rid").lessThan(cursor.id()))));
        }
        return all;
    }

    private static PredicateFinalStep named(SearchPredicateFactory f, Lexicon.Word word, Lexicon.Kind kind,
            String field) {
        List<String> codes = word.names().stream().filter(n -> n.kind() == kind).map(Lexicon.Name::code).toList();
        return codes.isEmpty() ? f.matchNone() : f.terms().field(field).matchingAny(codes);
    }

    /**
     * "The title (or text) contains the word": one term lookup in the vocabulary field when the word is in the
     * vocabulary, else a phrase of character bigrams. Both find the same records.
     */
    private org.hibernate.search.engine.search.predicate.dsl.SimpleBooleanPredicateClausesStep<?, ?> contains(
            SearchPredicateFactory f, String term, String field, float boost) {
        String folded = Vocabulary.fold(term);
        PredicateFinalStep one = useVocabulary && Vocabulary.get().contains(folded)
                ? f.match().field(field + "_terms").matching(folded).skipAnalysis().boost(boost)
                : f.phrase().field(field + "_cjk").matching(term).boost(boost);
        return f.or().add(one);
    }

    /**
     * The advanced options, as filters: they decide what matches, never the score. Title only: the words (as many as
     * are required) must also be in the title; a document or index number typed whole still finds its record.
     */
    private void advanced(org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep<?, ?> all,
            SearchPredicateFactory f, QueryTerms terms, SearchQuery q) {
        if (q.titleOnly()) {
            var inTitle = f.bool();
            for (Lexicon.Word word : terms.words()) {
                String term = word.text();
                inTitle.should(QueryTerms.isSingleCjk(term) ? f.match().field("title_sc").matching(term)
                        : contains(f, term, "title", 1f));
            }
            inTitle.minimumShouldMatchNumber(terms.required());
            String exact = terms.exactKey();
            all.filter(exact == null ? inTitle
                    : f.or(inTitle, f.match().field(SearchDocument.NUMBER_KEYS).matching(exact)));
        }
        if (q.from() != null || q.to() != null) {
            var range = f.range().field("publishedAt");
            all.filter(q.from() == null ? range.lessThan(q.publishedBefore())
                    : q.to() == null ? range.atLeast(q.publishedFrom())
                    : range.between(q.publishedFrom(), RangeBoundInclusion.INCLUDED, q.publishedBefore(),
                            RangeBoundInclusion.EXCLUDED));
        }
        filter(all, f, "kind", q.kind());
    }

    private static void filter(org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep<?, ?> all,
            SearchPredicateFactory f, String field, String value) {
        if (value != null && !value.isBlank()) {
            all.filter(f.match().field(field).matching(value.strip()));
        }
    }

    private SearchHit hit(List<?> row, Map<String, String> regionNames, Highlights highlights) {
        String title = (String) row.get(2);
        String item = (String) row.get(5);
        String region = (String) row.get(6);
        return new SearchHit((String) row.get(1), title, markup(highlights.title(title)),
                highlights.fragments((String) row.get(9)).stream().map(RecordSearch::markup).toList(),
                (String) row.get(3), (String) row.get(4), item, catalog.item(item).map(i -> i.name()).orElse(item),
                regionNames.getOrDefault(region, region), (Instant) row.get(7),
                Boolean.TRUE.equals(row.get(8)));
    }

    /** Escapes the stored text, then turns the highlighter's private marks into {@code <mark>}. */
    static String markup(String highlighted) {
        return HtmlUtils.htmlEscape(highlighted).replace(String.valueOf(Highlights.START), "<mark>")
                .replace(String.valueOf(Highlights.END), "</mark>");
    }

    private static Map<String, Integer> facetLimits() {
        Map<String, Integer> limits = new LinkedHashMap<>();
        limits.put("domain", 10);
        limits.put("kind", 10);
        limits.put("org", 30);
        limits.put("region", 20);
        limits.put("year", 20);
        limits.put("item", 60);
        limits.put("subjectClass", 30);
        return limits;
    }

    private List<SearchAnswer.FacetCount> labelled(String facet, Map<String, Long> counts,
            Map<String, String> orgNames, Map<String, String> regionNames) {
        Function<String, String> label = switch (facet) {
            case "domain" -> code -> catalog.domain(code).map(d -> d.name()).orElse(code);
            case "org" -> code -> orgNames.getOrDefault(code, code);
            case "region" -> code -> regionNames.getOrDefault(code, code);
            case "item" -> code -> catalog.item(code).map(i -> i.name()).orElse(code);
            case "year" -> code -> code + "年";
            case "kind" -> code -> DocumentKind.byCode(code).map(DocumentKind::label).orElse(code);
            default -> code -> code;
        };
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(FACETS.get(facet))
                .map(e -> new SearchAnswer.FacetCount(e.getKey(), label.apply(e.getKey()), e.getValue())).toList();
    }

    private static SearchAnswer empty(SearchQuery query, String message) {
        return new SearchAnswer(query.q() == null ? "" : query.q().strip(), List.of(), 0, 0, PAGE_SIZE, 0,
                Map.of(), null, message);
    }

    /** A position in date order: the last hit's publication time and id. */
    record Cursor(Instant at, long id) {

        static Cursor parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            String[] parts = text.split("_", 2);
            try {
                return new Cursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), Long.parseLong(parts[1]));
            } catch (RuntimeException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return at.toEpochMilli() + "_" + id;
        }
    }
}
