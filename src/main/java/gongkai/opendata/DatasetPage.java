package gongkai.opendata;

import java.util.List;
import java.util.Map;

/**
 * One window of a dataset search.
 *
 * @param count  how many datasets match in all
 * @param facets for each facet ({@code domain}, {@code org}, {@code county}, {@code tag}, {@code format}), how many of
 *               the matching datasets have each value, most first
 */
public record DatasetPage(List<Dataset> results, long count, Map<String, Map<String, Long>> facets) {

    public static final List<String> FACETS = List.of("domain", "org", "county", "tag", "format");
}
