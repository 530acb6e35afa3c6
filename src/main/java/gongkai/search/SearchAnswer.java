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
 * @param message      a note for the visitor (an empty or unusable query, a page past the cap), else null
 */
public record SearchAnswer(String q, List<SearchHit> hits, long total, int page, int pageSize,
        int pageCount, Map<String, List<FacetCount>> facets, String nextCursor, String message) {

    /** One value of a facet, with its label and count. */
    public record FacetCount(String value, String label, long count) {
    }
}
