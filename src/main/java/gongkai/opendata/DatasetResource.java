package gongkai.opendata;

import java.time.Instant;

/**
 * One download of a dataset (a CKAN resource, a DCAT distribution): its rows of one year, or of all years, in one
 * format.
 *
 * @param id       stable: {@code <dataset name>-<year or all>-<extension>}
 * @param year     the year of the rows, null for all of them
 * @param rowCount the rows it holds now
 * @param modified when its rows last changed
 */
public record DatasetResource(String id, String datasetName, Integer year, DownloadFormat format, String name,
        long rowCount, Instant modified) {

    /** The scope as it appears in the download path: the year, or {@code all}. */
    public String scope() {
        return year == null ? "all" : year.toString();
    }

    /** The download path under the site, e.g. {@code /data/sa-funds-ycsmzj/download/2026.csv}. */
    public String path() {
        return "/data/" + datasetName + "/download/" + scope() + "." + format.extension();
    }
}
