package gongkai.opendata.internal.download;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

import gongkai.shared.Actor;
import gongkai.shared.FloodLimits;
import gongkai.shared.PlatformConfiguration;

/**
 * Limits of anonymous bulk use. Every download by a client nobody signed in as counts (any format, any scope: a
 * script fetching one year after another is bulk use as much as one fetching "all"), against a limit generous for a
 * person; the yearly zips, each the whole year of every dataset, have a lower one of their own. Counted per client
 * address by {@link FloodLimits}, in the database, so the limits hold on every node. A request authenticated by an
 * API token or HTTP Basic (on {@code /api/v1/...}) or by a staff session is not limited; a resident's session counts
 * as anonymous. A 304 answer and a refused request are not counted.
 */
@Component
class DownloadLimits {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    /**
     * @param anonymousDownloadsPerHour     downloads of a dataset (CSV, XLSX, JSON) per client address and hour
     * @param anonymousBulkDownloadsPerHour yearly zips per client address and hour
     */
    @ConfigurationProperties("gongkai.opendata")
    record Settings(@DefaultValue("60") int anonymousDownloadsPerHour,
            @DefaultValue("10") int anonymousBulkDownloadsPerHour) {
    }

    private final FloodLimits flood;
    private final FloodLimits.Limit downloads;
    private final FloodLimits.Limit bulk;

    DownloadLimits(FloodLimits flood, Settings settings) {
        this.flood = flood;
        this.downloads = new FloodLimits.Limit(settings.anonymousDownloadsPerHour(), HOUR);
        this.bulk = new FloodLimits.Limit(settings.anonymousBulkDownloadsPerHour(), HOUR);
    }

    /** Counts one download of a dataset, or refuses it (429) when the client has had its share. */
    void download() {
        pass("opendata-download", downloads, "数据下载");
    }

    /** Counts one yearly zip, or refuses it (429). */
    void bulk() {
        pass("opendata-bulk", bulk, "年度批量下载");
    }

    /** How long a refused client waits at most: the window (the Retry-After of a refusal). */
    Duration window() {
        return HOUR;
    }

    private void pass(String action, FloodLimits.Limit limit, String what) {
        if (Actor.current().filter(a -> !a.isResident()).isPresent()) {
            return;
        }
        // The oldest counted attempt leaves the window within the hour: by then a retry passes for sure.
        String until = CLOCK.format(Instant.now().plus(limit.window()).atZone(PlatformConfiguration.CHINA));
        flood.pass(action, limit, "未登录的" + what + "过于频繁：每个地址每" + limit.windowText() + "最多 " + limit.max()
                + " 次。请于北京时间 " + until + " 后再试；通过 /api/v1/datasets/… 地址并带上 API 令牌（Authorization: "
                + "Bearer …）下载不受此限制。");
    }
}
