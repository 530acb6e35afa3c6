package gongkai.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

/**
 * The monthly statistics, comprehensive index and ranking, worked by hand: HJ 663's percentile, the S_i of the
 * standard in force (GB 3095—2012 to February 2026, 2026 from March), rounding before ties, shared ranks, a region with
 * too few valid days listed but not ranked, the share of 优良 days and the change on last year.
 */
class AirRankingTest {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private final AirRankingRules rules = AirRankingRules.standard();
    private final AirRanking ranking = new AirRanking(rules);

    private static BigDecimal n(String v) {
        return new BigDecimal(v);
    }

    /** A month of days whose PM2.5 is given per day (null: invalid) and the rest constant. */
    private static List<AirMonth.Day> days(YearMonth month, IntFunction<String> pm25, IntFunction<String> so2,
            IntFunction<Integer> aqi) {
        List<AirMonth.Day> out = new ArrayList<>();
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            Map<Pollutant, BigDecimal> v = new EnumMap<>(Pollutant.class);
            v.put(Pollutant.SO2, n(so2.apply(d)));
            v.put(Pollutant.NO2, n("20"));
            v.put(Pollutant.PM10, n("45"));
            if (pm25.apply(d) != null) {
                v.put(Pollutant.PM25, n(pm25.apply(d)));
            }
            v.put(Pollutant.CO, n("0.8"));
            v.put(Pollutant.O3_8H, n("120"));
            out.add(new AirMonth.Day(month.atDay(d), v, aqi.apply(d)));
        }
        return out;
    }

    @Test
    void hj663PercentileIsTheLinearRuleOverSortedValues() {
        List<BigDecimal> oneToTwenty = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            oneToTwenty.add(BigDecimal.valueOf(i));
        }
        // k = 1 + 19 × 0.95 = 19.05: X(19) + (X(20) − X(19)) × 0.05 = 19.05; k = 1 + 19 × 0.9 = 18.1 → 18.1.
        assertThat(AirRanking.percentile(oneToTwenty, 95)).isEqualByComparingTo("19.05");
        assertThat(AirRanking.percentile(oneToTwenty, 90)).isEqualByComparingTo("18.1");
        assertThat(AirRanking.percentile(List.of(n("3")), 95)).isEqualByComparingTo("3");
        // n = 31: k = 1 + 30 × 0.95 = 29.5 → X(29) + 0.5 × (X(30) − X(29)).
        List<BigDecimal> thirtyOne = new ArrayList<>();
        for (int i = 1; i <= 31; i++) {
            thirtyOne.add(BigDecimal.valueOf(i * 2L));
        }
        assertThat(AirRanking.percentile(thirtyOne, 95)).isEqualByComparingTo("59");
    }

    @Test
    void theComprehensiveIndexRankingWithTiesAndAnInvalidMonth() {
        // A: SO2 10 → 10/60 = 0.167; NO2 20/40 = 0.500; PM10 45/60 = 0.750; PM2.5 30/30 = 1.000; CO 0.8/4 = 0.200;
        // O3 120/160 = 0.750: I = 3.367 → 3.37 (2026 S_i: PM10 60, PM2.5 30).
        AirMonth a = ranking.month("A", "甲县", MARCH, days(MARCH, d -> "30", d -> "10", d -> d <= 28 ? Integer.valueOf(80) : d <= 30 ? Integer.valueOf(120) : null));
        assertThat(a.standard()).isEqualTo("GB3095-2026");
        assertThat(a.singleIndex()).containsEntry(Pollutant.SO2, n("0.167")).containsEntry(Pollutant.PM25, n("1.000"));
        assertThat(a.composite()).isEqualTo(n("3.37"));
        assertThat(a.goodDays()).isEqualTo(28);
        assertThat(a.aqiDays()).isEqualTo(30);
        assertThat(a.goodShare()).isEqualTo(n("93.3")); // 28/30
        // B: PM2.5 33 → 1.100: I = 3.467 → 3.47.
        AirMonth b = ranking.month("B", "乙县", MARCH, days(MARCH, d -> "33", d -> "10", d -> 60));
        assertThat(b.composite()).isEqualTo(n("3.47"));
        // C: SO2 alternating 10 and 11 → mean 325/31 = 10.48 → 10 (rounded before the index): the same 3.37 as A.
        AirMonth c = ranking.month("C", "丙县", MARCH, days(MARCH, d -> "30", d -> d % 2 == 1 ? "10" : "11", d -> 60));
        assertThat(c.statistics()).containsEntry(Pollutant.SO2, n("10"));
        assertThat(c.composite()).isEqualTo(n("3.37"));
        // D: PM2.5 valid on 26 days only: listed, not ranked, and says why.
        AirMonth d = ranking.month("D", "丁县", MARCH, days(MARCH, x -> x <= 26 ? "20" : null, x -> "10", x -> 60));
        assertThat(d.ranked()).isFalse();
        assertThat(d.composite()).isNull();
        assertThat(d.unranked()).isEqualTo("有效监测天数不足，不参加排名（PM2.5 26天；每项至少27天）");

        List<AirMonth.Place> places = ranking.rank(List.of(b, d, a, c), Map.of("A", n("3.50"), "D", n("3.00")));
        assertThat(places).extracting(p -> p.month().region()).containsExactly("A", "C", "B", "D");
        assertThat(places).extracting(AirMonth.Place::rank).containsExactly(1, 1, 3, null);
        // (3.37 − 3.50) / 3.50 = −3.71 % → −3.7; D has no index this month.
        assertThat(places.get(0).changeOnLastYear()).isEqualTo(n("-3.7"));
        assertThat(places.get(3).changeOnLastYear()).isNull();
        AirRankingRules dense = new AirRankingRules(rules.standards(), 27, 25, 0, 1, 3, 2, 1, false);
        assertThat(new AirRanking(dense).rank(List.of(b, a, c), Map.of())).extracting(AirMonth.Place::rank)
                .containsExactly(1, 1, 2);
    }

    @Test
    void februaryNeeds25DaysAndIsJudgedByTheStandardInForceThen() {
        YearMonth feb = YearMonth.of(2026, 2);
        // 25 valid PM2.5 days of 28 are enough in February; the 2012 S_i apply (PM10 70, PM2.5 35):
        // 10/60 = 0.167, 0.500, 45/70 = 0.643, 30/35 = 0.857, 0.200, 0.750 → 3.117 → 3.12.
        AirMonth m = ranking.month("A", "甲县", feb, days(feb, d -> d <= 25 ? "30" : null, d -> "10", d -> 50));
        assertThat(m.standard()).isEqualTo("GB3095-2012");
        assertThat(m.ranked()).isTrue();
        assertThat(m.composite()).isEqualTo(n("3.12"));
        assertThat(m.goodShare()).isEqualTo(n("100.0"));
        assertThat(rules.forMonth(YearMonth.of(2026, 3)).si()).containsEntry(Pollutant.PM25, n("30"));
        assertThat(LocalDate.of(2026, 2, 28)).isEqualTo(rules.standards().get(0).until());
    }
}
