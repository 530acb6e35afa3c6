package gongkai.environment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One regulation's rules for the daily AQI, with the days it governs (see {@code reference/aqi-rules.yaml}).
 *
 * @param until       the last day it governs; null while in force
 * @param daily       the indicators of the daily report
 * @param breakpoints per indicator, the concentrations at IAQI 0, 50, 100, 150, 200, 300, 400, 500 (as far as the
 *                    table goes)
 * @param scale       per indicator, the decimals a concentration is rounded to (half to even, GB/T 8170) before its
 *                    IAQI; absent: as measured
 * @param above       per indicator, the IAQI a concentration above the table gives, or null for none (the report
 *                    then uses another indicator of the pollutant); absent: see {@link AqiCalculator}
 * @param exceedance  whether 超标污染物 (IAQI above 100) are named
 * @param naUnlessOver100 with a daily indicator missing, the AQI stands only above 100 (2026 §5.3.1)
 */
public record AqiRuleSet(String code, String name, LocalDate from, LocalDate until, List<Pollutant> daily,
        Map<Pollutant, List<BigDecimal>> breakpoints, Map<Pollutant, Integer> scale, Map<Pollutant, Above> above,
        boolean exceedance, boolean naUnlessOver100) {

    /** The IAQI at each breakpoint of the table. */
    public static final int[] IAQI = { 0, 50, 100, 150, 200, 300, 400, 500 };

    /** What a concentration above the last breakpoint gives: a fixed IAQI, or none. */
    public record Above(Integer iaqi) {
    }

    public AqiRuleSet {
        daily = List.copyOf(daily);
        breakpoints = Map.copyOf(breakpoints);
        scale = Map.copyOf(scale);
        above = Map.copyOf(above);
    }

    public boolean governs(LocalDate day) {
        return !day.isBefore(from) && (until == null || !day.isAfter(until));
    }
}
