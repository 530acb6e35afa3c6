package gongkai.environment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A day's air quality index as the daily report (日报) gives it.
 *
 * @param ruleSet   the code of the rule set in force that day (HJ633-2012, HJ633-2026)
 * @param iaqi      the individual index of every indicator that has one, in the table's order
 * @param aqi       the AQI, the highest IAQI; null where the rules say NA (a missing indicator and no more than 100)
 * @param level     the level of the AQI; null with it
 * @param primary   首要污染物: the indicators with the highest IAQI when the AQI is above 50, ties all named
 * @param exceeding 超标污染物: the indicators with an IAQI above 100, where the rule set names them (2012 only)
 * @param missing   daily indicators with no valid value that day
 */
public record DailyAqi(LocalDate day, String ruleSet, Map<Pollutant, Integer> iaqi, Integer aqi, AqiLevel level,
        List<Pollutant> primary, List<Pollutant> exceeding, List<Pollutant> missing) {

    public DailyAqi {
        iaqi = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(iaqi));
        primary = List.copyOf(primary);
        exceeding = List.copyOf(exceeding);
        missing = List.copyOf(missing);
    }
}
