package gongkai.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to a search.
 *
 * @param total        how many records match (counted exactly: facets need every match anyway)
 * @param facets       facet name (domain, kind, org, region, year, item, subjectClass) → counts, largest first; when
 *                     the filters leave nothing, only the chosen facets, each counted without its own filter (what
 *                     choosing another value of it would find)
 * @param nextCursor   for date order, the cursor of the next page; null at the end or in relevance order
 * @param message      a note for the visitor (an empty or unusable query, a page past the cap, results that have
 *                     only some of the words or are for a respelling), else null
 * @param respelled    when nothing was found as typed, the respelling whose results these are, else null
 * @param related      the bodies and catalogue items the query names (with results), or those closest to it (without)
 */
public record SearchAnswer(String q, List<SearchHit> hits, long total, int page, int pageSize,
        int pageCount, Map<String, List<FacetCount>> facets, String nextCursor, String message, String respelled,
        List<Related> related) {

    public SearchAnswer(String q, List<SearchHit> hits, long total, int page, int pageSize, int pageCount,
            Map<String, List<FacetCount>> facets, String nextCursor, String message) {
        this(q, hits, total, page, pageSize, pageCount, facets, nextCursor, message, null, List.of());
    }

    /**
     * A body ({@code org}) or catalogue item ({@code item}) to offer, with its page's path, and a note when there is
     * something to know (an item whose records are targeted, so never in results), else null.
     */
    public record Related(String kind, String code, String name, String page, String note) {
    }

    public SearchAnswer offering(List<Related> offered) {
        return new SearchAnswer(q, hits, total, page, pageSize, pageCount, facets, nextCursor, message, respelled,
                List.copyOf(offered));
    }

    public SearchAnswer respelled(String as) {
        return new SearchAnswer(q, hits, total, page, pageSize, pageCount, facets, nextCursor, message, as, related);
    }

    /** One value of a facet, with its label and count. */
    public record FacetCount(String value, String label, long count) {
    }
}
