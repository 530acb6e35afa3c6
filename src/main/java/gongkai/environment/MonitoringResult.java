package gongkai.environment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One self-monitoring result (自行监测结果) as stored: the value, the limit it was judged against, whether it exceeds
 * it (超标) and by how much (超标倍数 = (C − S) / S, only for an upper limit, rounded as the surface-water method
 * rounds it), who uploaded it and when.
 */
public record MonitoringResult(String outletCode, String pollutant, Instant measuredAt, BigDecimal value,
        WaterLimit limit, String unit, boolean exceeded, BigDecimal multiple, String uploadedBy, Instant uploadedAt) {

    /** What the pages print beside an exceedance: "超标" or "超标 0.25倍". */
    public String exceedanceLabel() {
        if (!exceeded) {
            return "达标";
        }
        return multiple == null ? "超标" : "超标 " + multiple.toPlainString() + "倍";
    }
}
