package gongkai.search;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.search.mapper.orm.Search;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;

import gongkai.catalog.Catalog;
import gongkai.search.internal.Lexicon;
import gongkai.search.internal.QueryTerms;
import gongkai.search.internal.SearchDocument;
import gongkai.search.internal.SearchNames;
import gongkai.search.internal.ShortNames;
import gongkai.search.internal.Vocabulary;
import gongkai.shared.PlatformConfiguration;

/**
 * Suggestions while a visitor types: catalogue items and organisations whose name (or a usual short form, or a former
 * name) contains what was typed, and records whose title contains every word. Asked at every pause in typing, so kept
 * cheap: names are matched in memory, read at most once a minute; titles with one small query on the title fields
 * only, without facets, counting or highlighting.
 */
@Service
public class SearchSuggestions {

    public static final int AT_MOST = 8;
    /** What is looked at of the input; a search box's suggestions need no more. */
    public static final int MAX_LENGTH = 30;
    private static final int NAMES_AT_MOST = 3;
    private static final Duration NAMES_MAX_AGE = Duration.ofMinutes(1);

    /** A name to match: what it names, the forms it is found by (folded), and how it is shown. */
    private record Named(String type, String text, String note, String url, Set<String> forms, String current) {
    }

    private record Names(List<Named> items, List<Named> organisations, Instant readAt) {
    }

    private final EntityManagerFactory entityManagerFactory;
    private final Catalog catalog;
    private final SearchNames searchNames;
    private final Clock clock;
    private volatile Names names = new Names(List.of(), List.of(), Instant.EPOCH);

    SearchSuggestions(EntityManagerFactory entityManagerFactory, Catalog catalog, SearchNames searchNames,
            Clock clock) {
        this.entityManagerFactory = entityManagerFactory;
        this.catalog = catalog;
        this.searchNames = searchNames;
        this.clock = clock;
    }

    public SuggestAnswer suggest(String typed) {
        String q = clean(typed);
        // One character says too little to choose among hundreds of names and titles.
        if (q.codePoints().filter(Character::isLetterOrDigit).count() < 2) {
            return new SuggestAnswer(q, List.of());
        }
        List<String> words = java.util.Arrays.stream(Vocabulary.fold(q).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty()).toList();
        Names known = current();
        List<SuggestAnswer.Suggestion> out = new ArrayList<>();
        out.addAll(matching(known.organisations(), words));
        out.addAll(matching(known.items(), words));
        out.addAll(titles(q, AT_MOST - out.size()));
        return new SuggestAnswer(q, List.copyOf(out));
    }

    /** Control characters dropped, runs of spaces made one, cut at {@link #MAX_LENGTH} characters. */
    static String clean(String typed) {
        if (typed == null) {
            return "";
        }
        String text = typed.codePoints().map(c -> Character.isISOControl(c) || Character.isWhitespace(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString()
                .replaceAll(" {2,}", " ").strip();
        return text.codePointCount(0, text.length()) <= MAX_LENGTH ? text
                : text.substring(0, text.offsetByCodePoints(0, MAX_LENGTH)).strip();
    }

    /** The names containing every word, those that begin with the input first, then the shorter. */
    private static List<SuggestAnswer.Suggestion> matching(List<Named> names, List<String> words) {
        String whole = String.join("", words);
        record Found(Named named, String form, int rank) {
        }
        List<Found> found = new ArrayList<>();
        for (Named n : names) {
            List<String> matched = n.forms().stream()
                    .filter(form -> words.stream().allMatch(word -> ShortNames.contains(form, word))).toList();
            if (matched.isEmpty()) {
                continue;
            }
            int rank = matched.stream().mapToInt(form -> form.equals(whole) ? 0 : form.startsWith(whole) ? 1 : 2)
                    .min().orElse(2);
            // The name as it is now, when it holds what was typed (市民政局 is in 宜春市民政局); else the form that does.
            String shown = matched.contains(n.current()) ? n.current()
                    : matched.stream().max(Comparator.comparingInt(String::length)).orElseThrow();
            found.add(new Found(n, shown, rank));
        }
        return found.stream()
                .sorted(Comparator.comparingInt(Found::rank).thenComparingInt(f -> f.named().text().length()))
                .limit(NAMES_AT_MOST)
                .map(f -> new SuggestAnswer.Suggestion(f.named().type(), "org".equals(f.named().type()) ? "机构" : "目录事项",
                        f.named().text(), f.form().equals(f.named().current()) ? f.named().note() : "也称：" + f.form(),
                        f.named().url()))
                .toList();
    }

    /** Records whose title holds every word, best first; one small query on the title fields. */
    private List<SuggestAnswer.Suggestion> titles(String q, int limit) {
        QueryTerms typed = QueryTerms.parse(q);
        if (typed.isEmpty() || limit <= 0) {
            return List.of();
        }
        List<String> words = typed.understood(searchNames.lexicon()).words().stream().map(Lexicon.Word::text)
                .toList();
        try (EntityManager entityManager = entityManagerFactory.createEntityManager()) {
            List<List<?>> rows = Search.session(entityManager).search(SearchDocument.class)
                    .select(f -> f.composite().from(f.field("indexNo", String.class),
                            f.field("title_cjk", String.class), f.field("publisher", String.class),
                            f.field("publishedAt", Instant.class)).asList())
                    .where(f -> {
                        var all = f.bool();
                        for (String term : words) {
                            all.must(QueryTerms.isSingleCjk(term) ? f.match().field("title_sc").matching(term)
                                    : f.phrase().field("title_cjk").matching(term));
                        }
                        return all;
                    })
                    .sort(f -> f.score().then().field("publishedAt").desc())
                    .totalHitCountThreshold(limit)
                    .fetchHits(limit);
            return rows.stream().map(row -> new SuggestAnswer.Suggestion("record", "信息", (String) row.get(1),
                    row.get(2) + " · " + LocalDate.ofInstant((Instant) row.get(3), PlatformConfiguration.CHINA),
                    "/records/" + UriUtils.encodePathSegment((String) row.get(0), StandardCharsets.UTF_8))).toList();
        }
    }

    private Names current() {
        Names known = names;
        Instant now = Instant.now(clock);
        if (known.readAt().isBefore(now.minus(NAMES_MAX_AGE))) {
            known = read(now);
            names = known;
        }
        return known;
    }

    /**
     * The bodies and the items that are not retired (under their domain), each with every form it is known by
     * ({@link SearchNames#forms}: former names, short forms, contractions, the listed aliases).
     */
    private Names read(Instant now) {
        List<Named> items = new ArrayList<>();
        List<Named> orgs = new ArrayList<>();
        searchNames.forms().forEach((name, forms) -> {
            String current = Vocabulary.fold(name.label());
            if (name.kind() == Lexicon.Kind.ORG) {
                orgs.add(new Named("org", name.label(), null,
                        "/orgs/" + UriUtils.encodePathSegment(name.code(), StandardCharsets.UTF_8), forms, current));
            } else {
                String domain = catalog.item(name.code()).flatMap(i -> catalog.domain(i.domainCode()))
                        .map(d -> d.name()).orElse(null);
                items.add(new Named("item", name.label(), domain,
                        "/catalog/" + UriUtils.encodePathSegment(name.code(), StandardCharsets.UTF_8), forms, current));
            }
        });
        return new Names(List.copyOf(items), List.copyOf(orgs), now);
    }
}
