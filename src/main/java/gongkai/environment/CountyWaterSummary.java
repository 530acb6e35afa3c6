package gongkai.environment;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The surface water of a county (or a river) over a period, by 环办〔2011〕22号: with fewer sections than the
 * configured number, the class of the concentrations averaged over the sections; otherwise the shares of sections per
 * class.
 *
 * @param method     how the status was found
 * @param averaged   {@link Method#AVERAGED}: the averaged concentrations as one section, with its class and main
 *                   pollutants; null otherwise
 * @param counts     sections per class (every class, zero included)
 * @param shares     percent of sections per class, rounded for display
 * @param goodShare  percent of sections of classes I–III
 * @param status     水质状况
 * @param pollutants {@link Method#SHARES}: the main pollutants, the items most often worse than class III; empty
 *                   otherwise (see {@code averaged})
 */
public record CountyWaterSummary(String county, Method method, int sections, SectionQuality averaged,
        Map<WaterClass, Integer> counts, Map<WaterClass, BigDecimal> shares, BigDecimal goodShare, String status,
        List<SharePollutant> pollutants) {

    /** How a county's status is found. */
    public enum Method {
        AVERAGED, SHARES
    }

    /** An item worse than class III in some sections, and the percent of sections where it is. */
    public record SharePollutant(WaterItem item, int sectionsOverClassIII, BigDecimal share) {
    }

    public CountyWaterSummary {
        counts = Collections.unmodifiableMap(new EnumMap<>(counts));
        shares = Collections.unmodifiableMap(new EnumMap<>(shares));
        pollutants = List.copyOf(pollutants);
    }
}
