package gongkai.opendata.internal.download;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import gongkai.opendata.Dataset;
import gongkai.shared.PlatformConfiguration;

/**
 * What a download says about itself (the XLSX sheet 说明, the JSON {@code dataset} object).
 *
 * @param year   the year of its rows, null for all years
 * @param source the absolute address of the dataset's page
 * @param at     when it was downloaded
 */
record DownloadInfo(Dataset dataset, Integer year, String source, Instant at) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The scope as a path writes it: the year, or {@code all}. */
    String scope() {
        return year == null ? "all" : year.toString();
    }

    /** The scope as a reader reads it. */
    String scopeText() {
        return year == null ? "全部年度" : year + "年";
    }

    /** A time as Beijing time, as readers here read it. */
    static String beijing(Instant t) {
        ZoneId china = PlatformConfiguration.CHINA;
        return t == null ? "" : LOCAL.format(t.atZone(china)) + "（北京时间）";
    }
}
