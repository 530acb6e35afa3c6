package gongkai.opendata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A dataset: the rows one organisation has published to everyone under one catalogue item with a schema.
 *
 * @param name          the stable identifier in paths and in CKAN: {@code <item code>-<organisation code>}
 * @param keywords      the field, the item and the values of its choice fields that occur in the rows
 * @param regionCode    the organisation's region: the dataset's spatial coverage
 * @param countyCode    the county-level region it lies in (the city itself for a city body)
 * @param temporalStart the first day its rows cover (from the records' periods, or their publication dates)
 * @param temporalEnd   the last day they cover
 * @param created       when its first row was published
 * @param modified      when its rows last changed
 * @param recordCount   the published records its rows come from
 * @param rowsByYear    the rows per year, oldest first
 * @param demo          whether any of its rows comes from the demo data (示例数据)
 */
public record Dataset(String name, String title, String description, String itemCode, String itemName,
        String domainCode, String domainName, String orgCode, String orgName, String regionCode, String regionName,
        String countyCode, List<String> keywords, Licence licence, UpdateFrequency frequency,
        LocalDate temporalStart, LocalDate temporalEnd, Instant created, Instant modified, long rowCount,
        int recordCount, Map<Integer, Long> rowsByYear, List<DatasetColumn> columns, boolean demo) {

    public Dataset {
        keywords = List.copyOf(keywords);
        rowsByYear = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(rowsByYear));
        columns = List.copyOf(columns);
    }

    /** Its downloads: all rows, then each year newest first, each in every format. */
    public List<DatasetResource> resources() {
        List<DatasetResource> out = new java.util.ArrayList<>();
        for (DownloadFormat f : DownloadFormat.values()) {
            out.add(new DatasetResource(name + "-all-" + f.extension(), name, null, f,
                    title + "（全部年度，" + f.label() + "）", rowCount, modified));
        }
        List<Integer> years = new java.util.ArrayList<>(rowsByYear.keySet());
        java.util.Collections.reverse(years);
        for (Integer y : years) {
            for (DownloadFormat f : DownloadFormat.values()) {
                out.add(new DatasetResource(name + "-" + y + "-" + f.extension(), name, y, f,
                        title + "（" + y + "年，" + f.label() + "）", rowsByYear.get(y), modified));
            }
        }
        return out;
    }

    /** The page of the dataset under the site. */
    public String path() {
        return "/data/" + name;
    }

    /** The columns holding numbers, which a chart can draw. */
    public List<DatasetColumn> numericColumns() {
        return columns.stream().filter(c -> !c.fixed() && c.type().numeric()).toList();
    }
}
