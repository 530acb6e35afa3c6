package gongkai.environment;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * One region's month of air quality as the ranking uses it.
 *
 * @param statistics  the monthly statistic of each indexed pollutant that has enough valid days: the mean (SO2, NO2,
 *                    PM10, PM2.5), the 95th percentile of daily means (CO) or the 90th percentile of daily maximum
 *                    8-hour means (O3), rounded
 * @param validDays   the valid daily values of each indexed pollutant
 * @param singleIndex I_i = C_i / S_i of each pollutant with a statistic
 * @param composite   I_sum, the comprehensive index; null when a statistic is missing
 * @param unranked    why the region is listed but not ranked (too few valid days), or null
 * @param goodDays    days with an AQI of 100 or less (优 and 良)
 * @param aqiDays     days with an AQI
 * @param goodShare   goodDays / aqiDays in per cent; null without AQI days
 */
public record AirMonth(String region, String regionName, YearMonth month, String standard,
        Map<Pollutant, BigDecimal> statistics, Map<Pollutant, Integer> validDays, Map<Pollutant, BigDecimal> singleIndex,
        BigDecimal composite, String unranked, int goodDays, int aqiDays, BigDecimal goodShare) {

    public AirMonth {
        statistics = Map.copyOf(statistics);
        validDays = Map.copyOf(validDays);
        singleIndex = Map.copyOf(singleIndex);
    }

    public boolean ranked() {
        return unranked == null;
    }

    /** A region's day: each pollutant's daily value (CO mg/m³, others μg/m³) and the day's AQI, null when NA. */
    public record Day(java.time.LocalDate date, Map<Pollutant, BigDecimal> values, Integer aqi) {
    }

    /** A place in the ranking; {@code rank} null for a region that is listed but not ranked. */
    public record Place(AirMonth month, Integer rank, BigDecimal changeOnLastYear) {
    }

    /** The columns of the ranking table, for pages and the record's table. */
    public static final List<Pollutant> COLUMNS = AirRankingRules.INDEXED;
}
