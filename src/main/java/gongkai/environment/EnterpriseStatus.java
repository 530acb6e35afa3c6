package gongkai.environment;

import java.time.Instant;

/**
 * An enterprise as the public list shows it: its latest result's time and whether that upload had an exceedance,
 * and how many results exceeded their limit in the last twelve months.
 *
 * @param latestAt null when nothing has been uploaded yet
 */
public record EnterpriseStatus(Enterprise enterprise, Instant latestAt, boolean latestExceeded, int exceedances12m) {

    public String latestStatus() {
        if (latestAt == null) {
            return "尚无监测结果";
        }
        return latestExceeded ? "最近一次监测有超标" : "最近一次监测达标";
    }
}
