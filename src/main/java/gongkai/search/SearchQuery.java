package gongkai.search;

/**
 * What a visitor asks: words, optional facet filters, the order, and a page (or, for date order, a cursor that
 * pages deep without drifting).
 *
 * @param order  {@code relevance} (default: best match, fresher first among equals) or {@code date}
 * @param cursor from a previous date-ordered answer's {@code nextCursor}; overrides {@code page}
 */
public record SearchQuery(String q, String domain, String org, String region, Integer year, String item,
        String subjectClass, String order, int page, String cursor) {

    public static SearchQuery of(String q) {
        return new SearchQuery(q, null, null, null, null, null, null, null, 0, null);
    }

    public boolean byDate() {
        return "date".equalsIgnoreCase(order);
    }
}
