package gongkai.environment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The daily AQI (HJ 633): each indicator's IAQI by linear interpolation between the breakpoints of the rule set in
 * force that day, IAQI = (IAQI_Hi − IAQI_Lo) / (BP_Hi − BP_Lo) × (C − BP_Lo) + IAQI_Lo, rounded up to an integer
 * ("全部向上进位取整数"); the AQI is the highest IAQI. Arithmetic in BigDecimal: the division is carried to 10
 * decimals and only then rounded up, so an exact breakpoint gives its exact IAQI.
 *
 * <p>Above the last breakpoint the rule set's own rule applies where it has one (2026: O3 8-hour above 800 gives 300;
 * 2012: no 8-hour IAQI). For the other indicators neither text says (UNCONFIRMED): by default the IAQI is capped at
 * 500, as common implementations do; {@code capAboveTable = false} extends the last segment instead.
 */
public class AqiCalculator {

    private final AqiRules rules;
    private final boolean capAboveTable;

    public AqiCalculator(AqiRules rules, boolean capAboveTable) {
        this.rules = rules;
        this.capAboveTable = capAboveTable;
    }

    /**
     * The day's AQI from its daily concentrations (μg/m³, CO mg/m³). Indicators the day's rule set does not use (O3
     * 1-hour from 2026-03-01) are ignored; a daily indicator without a value is missing.
     *
     * @throws IllegalArgumentException for a negative concentration, naming the indicator
     */
    public DailyAqi daily(LocalDate day, Map<Pollutant, BigDecimal> concentrations) {
        AqiRuleSet set = rules.forDay(day);
        Map<Pollutant, Integer> iaqi = new LinkedHashMap<>();
        List<Pollutant> missing = new ArrayList<>();
        for (Pollutant p : set.daily()) {
            BigDecimal c = concentrations.get(p);
            if (c == null) {
                missing.add(p);
                continue;
            }
            if (c.signum() < 0) {
                throw new IllegalArgumentException(p.label() + "的浓度不能为负数（" + c.toPlainString() + "）");
            }
            Integer value = iaqi(set, p, c);
            if (value != null) {
                iaqi.put(p, value);
            }
        }
        Integer aqi = iaqi.values().stream().max(Integer::compare).orElse(null);
        if (aqi != null && !missing.isEmpty() && set.naUnlessOver100() && aqi <= 100) {
            aqi = null;
        }
        List<Pollutant> primary = new ArrayList<>();
        List<Pollutant> exceeding = new ArrayList<>();
        if (aqi != null && aqi > 50) {
            for (Map.Entry<Pollutant, Integer> e : iaqi.entrySet()) {
                if (e.getValue().equals(aqi)) {
                    primary.add(e.getKey());
                }
            }
        }
        if (set.exceedance()) {
            iaqi.forEach((p, v) -> {
                if (v > 100) {
                    exceeding.add(p);
                }
            });
        }
        return new DailyAqi(day, set.code(), iaqi, aqi, aqi == null ? null : rules.level(aqi), primary, exceeding,
                missing);
    }

    /** One indicator's IAQI under the rule set, or null where the set gives none (2012 O3 8-hour above 800). */
    Integer iaqi(AqiRuleSet set, Pollutant p, BigDecimal measured) {
        List<BigDecimal> bp = set.breakpoints().get(p);
        Integer scale = set.scale().get(p);
        BigDecimal c = scale == null ? measured : measured.setScale(scale, RoundingMode.HALF_EVEN);
        int last = bp.size() - 1;
        if (c.compareTo(bp.get(last)) > 0) {
            if (set.above().containsKey(p)) {
                return set.above().get(p).iaqi();
            }
            if (capAboveTable) {
                return AqiRuleSet.IAQI[last];
            }
            return interpolate(bp.get(last - 1), bp.get(last), AqiRuleSet.IAQI[last - 1], AqiRuleSet.IAQI[last], c);
        }
        for (int i = 1; i <= last; i++) {
            if (c.compareTo(bp.get(i)) <= 0) {
                return interpolate(bp.get(i - 1), bp.get(i), AqiRuleSet.IAQI[i - 1], AqiRuleSet.IAQI[i], c);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static int interpolate(BigDecimal bpLo, BigDecimal bpHi, int iaqiLo, int iaqiHi, BigDecimal c) {
        BigDecimal value = BigDecimal.valueOf(iaqiHi - iaqiLo).multiply(c.subtract(bpLo))
                .divide(bpHi.subtract(bpLo), 10, RoundingMode.HALF_EVEN).add(BigDecimal.valueOf(iaqiLo));
        return value.setScale(0, RoundingMode.CEILING).intValueExact();
    }
}
