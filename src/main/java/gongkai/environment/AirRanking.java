package gongkai.environment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The month's statistics, comprehensive index and ranking of each region (plan 二.5), computed by the rules of
 * {@link AirRankingRules}:
 * <ul>
 * <li>a pollutant's statistic needs its valid daily values (27, February 25); a region missing one is listed with the
 * reason and not ranked;
 * <li>SO2, NO2, PM10, PM2.5: the monthly mean; CO: the 95th and O3: the 90th percentile by HJ 663's rule (k = 1 + (n −
 * 1)·p, X(s) + (X(s+1) − X(s))·(k − s) over the sorted values), each rounded as the rules say;
 * <li>I_i = C_i / S_i with the S_i of the standard in force on the month's first day; the comprehensive index is the
 * sum of the rounded I_i, rounded; regions are ranked by it ascending, equal (rounded) indices sharing a rank;
 * <li>the share of 优良 days among days with an AQI, and the change of the index on the same month a year before.
 * </ul>
 */
public class AirRanking {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private final AirRankingRules rules;

    public AirRanking(AirRankingRules rules) {
        this.rules = rules;
    }

    /** One region's month from its days (days outside the month are refused). */
    public AirMonth month(String region, String regionName, YearMonth month, List<AirMonth.Day> days) {
        AirRankingRules.Standard standard = rules.forMonth(month);
        Map<Pollutant, BigDecimal> statistics = new EnumMap<>(Pollutant.class);
        Map<Pollutant, Integer> valid = new EnumMap<>(Pollutant.class);
        Map<Pollutant, BigDecimal> single = new EnumMap<>(Pollutant.class);
        List<String> short_ = new ArrayList<>();
        int needed = rules.daysNeeded(month);
        for (AirMonth.Day d : days) {
            if (!YearMonth.from(d.date()).equals(month)) {
                throw new IllegalArgumentException(d.date() + "不在" + month + "内");
            }
        }
        for (Pollutant p : AirRankingRules.INDEXED) {
            List<BigDecimal> values = days.stream().map(d -> d.values().get(p)).filter(v -> v != null).sorted().toList();
            valid.put(p, values.size());
            if (values.size() < needed) {
                short_.add(shortName(p) + " " + values.size() + "天");
                continue;
            }
            BigDecimal c = switch (p) {
                case CO -> percentile(values, 95);
                case O3_8H -> percentile(values, 90);
                default -> values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(values.size()), 10, RoundingMode.HALF_EVEN);
            };
            c = c.setScale(p == Pollutant.CO ? rules.coScale() : rules.concentrationScale(), RoundingMode.HALF_EVEN);
            statistics.put(p, c);
            single.put(p, c.divide(standard.si().get(p), rules.singleIndexScale(), RoundingMode.HALF_EVEN));
        }
        BigDecimal composite = short_.isEmpty()
                ? single.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .setScale(rules.compositeIndexScale(), RoundingMode.HALF_EVEN)
                : null;
        String unranked = short_.isEmpty() ? null
                : "有效监测天数不足，不参加排名（" + String.join("，", short_) + "；每项至少" + needed + "天）";
        int aqiDays = (int) days.stream().filter(d -> d.aqi() != null).count();
        int good = (int) days.stream().filter(d -> d.aqi() != null && d.aqi() <= 100).count();
        BigDecimal share = aqiDays == 0 ? null
                : BigDecimal.valueOf(good).multiply(HUNDRED).divide(BigDecimal.valueOf(aqiDays), rules.shareScale(),
                        RoundingMode.HALF_EVEN);
        return new AirMonth(region, regionName, month, standard.code(), statistics, valid, single, composite,
                unranked, good, aqiDays, share);
    }

    /**
     * Ranks the regions' months: ranked ones by their index, smallest (best) first, equal indices sharing a rank;
     * then those not ranked, in the order given. {@code lastYear} gives each region's index of the same month a year
     * before, for the change in per cent (null where either is missing).
     */
    public List<AirMonth.Place> rank(List<AirMonth> months, Map<String, BigDecimal> lastYear) {
        List<AirMonth> ranked = months.stream().filter(AirMonth::ranked)
                .sorted(Comparator.comparing(AirMonth::composite)).toList();
        List<AirMonth.Place> out = new ArrayList<>();
        int rank = 0;
        int distinct = 0;
        BigDecimal previous = null;
        for (int i = 0; i < ranked.size(); i++) {
            AirMonth m = ranked.get(i);
            if (previous == null || m.composite().compareTo(previous) != 0) {
                distinct++;
                rank = rules.competitionTies() ? i + 1 : distinct;
                previous = m.composite();
            }
            out.add(new AirMonth.Place(m, rank, change(m, lastYear)));
        }
        months.stream().filter(m -> !m.ranked()).forEach(m -> out.add(new AirMonth.Place(m, null, change(m, lastYear))));
        return out;
    }

    private BigDecimal change(AirMonth m, Map<String, BigDecimal> lastYear) {
        BigDecimal before = lastYear.get(m.region());
        if (m.composite() == null || before == null || before.signum() == 0) {
            return null;
        }
        return m.composite().subtract(before).multiply(HUNDRED).divide(before, rules.shareScale(),
                RoundingMode.HALF_EVEN);
    }

    /**
     * HJ 663's percentile of values sorted ascending: k = 1 + (n − 1)·p%, s its integer part, m = X(s) + (X(s+1) −
     * X(s))·(k − s), positions counted from 1 (as Excel's PERCENTILE.INC).
     */
    static BigDecimal percentile(List<BigDecimal> sorted, int p) {
        int n = sorted.size();
        BigDecimal k = BigDecimal.ONE.add(BigDecimal.valueOf(n - 1L).multiply(BigDecimal.valueOf(p))
                .divide(HUNDRED, 10, RoundingMode.HALF_EVEN));
        int s = k.intValue();
        BigDecimal fraction = k.subtract(BigDecimal.valueOf(s));
        BigDecimal xs = sorted.get(s - 1);
        if (s >= n || fraction.signum() == 0) {
            return xs;
        }
        return xs.add(sorted.get(s).subtract(xs).multiply(fraction));
    }

    private static String shortName(Pollutant p) {
        return switch (p) {
            case SO2 -> "SO₂";
            case NO2 -> "NO₂";
            case PM10 -> "PM10";
            case PM25 -> "PM2.5";
            case CO -> "CO";
            case O3_8H -> "O₃";
            case O3_1H -> "O₃（1小时）";
        };
    }
}
