package gongkai.opendata;

import java.util.List;

/**
 * A search of the datasets: words, filters (each list: any of its values), an order and a window of results.
 *
 * @param q        words that must each occur in a dataset's title, description, keywords, publisher, region or column
 *                 names; blank for all
 * @param domains  field codes (CKAN groups)
 * @param orgs     organisation codes (CKAN organizations)
 * @param counties county-level region codes
 * @param tags     keywords, exactly
 * @param formats  download formats by CKAN name (CSV, XLSX, JSON)
 * @param sort     the order; empty for relevance, then the newest change first
 */
public record DatasetQuery(String q, List<String> domains, List<String> orgs, List<String> counties,
        List<String> tags, List<String> formats, List<SortKey> sort, int start, int rows) {

    public static final int MAX_ROWS = 1000;

    public DatasetQuery {
        domains = List.copyOf(domains);
        orgs = List.copyOf(orgs);
        counties = List.copyOf(counties);
        tags = List.copyOf(tags);
        formats = List.copyOf(formats);
        sort = List.copyOf(sort);
        if (start < 0 || rows < 0 || rows > MAX_ROWS) {
            throw new IllegalArgumentException("start >= 0 and 0 <= rows <= " + MAX_ROWS);
        }
    }

    /** Every dataset, in the default order. */
    public static DatasetQuery everything(int start, int rows) {
        return new DatasetQuery("", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), start, rows);
    }

    /** One key of the order. */
    public record SortKey(SortField field, boolean descending) {
    }

    /** What datasets can be ordered by. */
    public enum SortField {
        /** How well the words match (with no words, all score alike). */
        SCORE,
        NAME,
        TITLE,
        CREATED,
        MODIFIED,
        ROWS
    }
}
