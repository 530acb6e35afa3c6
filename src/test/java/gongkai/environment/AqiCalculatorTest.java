package gongkai.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The daily AQI against examples worked by hand from the standards' own tables (environment.md §1), on both sides of
 * 2026-03-01 when HJ 633—2026 replaced HJ 633—2012.
 */
class AqiCalculatorTest {

    private static final LocalDate LAST_2012 = LocalDate.of(2026, 2, 28);
    private static final LocalDate FIRST_2026 = LocalDate.of(2026, 3, 1);

    private final AqiRules rules = AqiRules.standard();
    private final AqiCalculator calculator = new AqiCalculator(rules, true);

    private static Map<Pollutant, BigDecimal> day(Object... pairs) {
        Map<Pollutant, BigDecimal> m = new EnumMap<>(Pollutant.class);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((Pollutant) pairs[i], new BigDecimal(pairs[i + 1].toString()));
        }
        return m;
    }

    /** A clean day: every indicator low, so that the one under test decides the AQI. */
    private static Map<Pollutant, BigDecimal> cleanWith(Pollutant p, String value) {
        Map<Pollutant, BigDecimal> m = day(Pollutant.SO2, "5", Pollutant.NO2, "10", Pollutant.PM10, "20", Pollutant.CO,
                "0.4", Pollutant.O3_1H, "30", Pollutant.O3_8H, "30", Pollutant.PM25, "10");
        m.put(p, new BigDecimal(value));
        return m;
    }

    private int iaqi(LocalDate d, Pollutant p, String value) {
        return calculator.daily(d, cleanWith(p, value)).iaqi().get(p);
    }

    @Test
    void theRuleSetChangesOnTheFirstOfMarch2026() {
        assertThat(rules.forDay(LAST_2012).code()).isEqualTo("HJ633-2012");
        assertThat(rules.forDay(FIRST_2026).code()).isEqualTo("HJ633-2026");
        assertThatThrownBy(() -> rules.forDay(LocalDate.of(2012, 12, 31))).hasMessageContaining("没有适用的空气质量指数技术规定");
    }

    @Test
    void theParticleBreakpointsAtIaqi100MovedIn2026() {
        // 2012: PM2.5 75 and PM10 150 are exactly IAQI 100.
        assertThat(iaqi(LAST_2012, Pollutant.PM25, "75")).isEqualTo(100);
        assertThat(iaqi(LAST_2012, Pollutant.PM10, "150")).isEqualTo(100);
        // 2026: 60 and 120 are. PM2.5 75: 50/55 × 15 + 100 = 113.64 → 114; PM10 150: 50/130 × 30 + 100 = 111.54 → 112.
        assertThat(iaqi(FIRST_2026, Pollutant.PM25, "60")).isEqualTo(100);
        assertThat(iaqi(FIRST_2026, Pollutant.PM25, "75")).isEqualTo(114);
        assertThat(iaqi(FIRST_2026, Pollutant.PM10, "120")).isEqualTo(100);
        assertThat(iaqi(FIRST_2026, Pollutant.PM10, "150")).isEqualTo(112);
        // 2012 PM2.5 between 35 and 75: 60 → 50/40 × 25 + 50 = 81.25 → 82 (always rounded up).
        assertThat(iaqi(LAST_2012, Pollutant.PM25, "60")).isEqualTo(82);
        // Every other breakpoint unchanged: SO2 475 → 150, NO2 280 → 200, CO 36 → 300, O3 8h 265 → 200 on both days.
        for (LocalDate d : new LocalDate[] {LAST_2012, FIRST_2026}) {
            assertThat(iaqi(d, Pollutant.SO2, "475")).isEqualTo(150);
            assertThat(iaqi(d, Pollutant.NO2, "280")).isEqualTo(200);
            assertThat(iaqi(d, Pollutant.CO, "36")).isEqualTo(300);
            assertThat(iaqi(d, Pollutant.O3_8H, "265")).isEqualTo(200);
            assertThat(iaqi(d, Pollutant.PM25, "0")).isEqualTo(0);
            assertThat(iaqi(d, Pollutant.PM25, "500")).isEqualTo(500);
        }
    }

    @Test
    void from2026ConcentrationsAreRoundedHalfToEvenBeforeTheIndex() {
        // 60.5 → 60 (half to even) → 100; 61.5 → 62 → 50/55 × 2 + 100 = 101.8 → 102. In 2012, 60.5 is used as measured.
        assertThat(iaqi(FIRST_2026, Pollutant.PM25, "60.5")).isEqualTo(100);
        assertThat(iaqi(FIRST_2026, Pollutant.PM25, "61.5")).isEqualTo(102);
        assertThat(iaqi(LAST_2012, Pollutant.PM25, "60.5")).isEqualTo(82); // 50/40 × 25.5 + 50 = 81.875 → 82
        // CO to one decimal: 4.05 → 4.0 → 100; 4.15 → 4.2 → 50/10 × 0.2 + 100 = 101.
        assertThat(iaqi(FIRST_2026, Pollutant.CO, "4.05")).isEqualTo(100);
        assertThat(iaqi(FIRST_2026, Pollutant.CO, "4.15")).isEqualTo(101);
        assertThat(iaqi(LAST_2012, Pollutant.CO, "4.05")).isEqualTo(101); // 50/10 × 0.05 + 100 = 100.25 → 101
    }

    @Test
    void ozoneAboveTheTableAndTheOneHourIndicator() {
        // 2026: O3 8-hour above 800 gives IAQI 300, and the 1-hour value is not in the daily AQI.
        DailyAqi y2026 = calculator.daily(FIRST_2026, day(Pollutant.SO2, "5", Pollutant.NO2, "10", Pollutant.PM10, "20",
                Pollutant.CO, "0.4", Pollutant.O3_1H, "1100", Pollutant.O3_8H, "900", Pollutant.PM25, "10"));
        assertThat(y2026.iaqi()).containsEntry(Pollutant.O3_8H, 300).doesNotContainKey(Pollutant.O3_1H);
        assertThat(y2026.aqi()).isEqualTo(300);
        assertThat(y2026.primary()).containsExactly(Pollutant.O3_8H);
        // 2012: no 8-hour IAQI above 800; O3 is reported from its 1-hour mean: 1100 → 100/200 × 100 + 400 = 450.
        DailyAqi y2012 = calculator.daily(LAST_2012, day(Pollutant.SO2, "5", Pollutant.NO2, "10", Pollutant.PM10, "20",
                Pollutant.CO, "0.4", Pollutant.O3_1H, "1100", Pollutant.O3_8H, "900", Pollutant.PM25, "10"));
        assertThat(y2012.iaqi()).doesNotContainKey(Pollutant.O3_8H).containsEntry(Pollutant.O3_1H, 450);
        assertThat(y2012.aqi()).isEqualTo(450);
        assertThat(y2012.level().category()).isEqualTo("严重污染");
    }

    @Test
    void levelsPrimaryPollutantsAndExceedances() {
        // AQI 50 exactly: 优, no primary pollutant.
        DailyAqi clean = calculator.daily(FIRST_2026, cleanWith(Pollutant.PM25, "35"));
        assertThat(clean.aqi()).isEqualTo(50);
        assertThat(clean.level()).isEqualTo(new AqiLevel(50, "一级", "优", "#00E400"));
        assertThat(clean.primary()).isEmpty();
        // PM10 120 and PM2.5 60 both give 100 in 2026: both are primary.
        Map<Pollutant, BigDecimal> tie = cleanWith(Pollutant.PM25, "60");
        tie.put(Pollutant.PM10, new BigDecimal("120"));
        DailyAqi tied = calculator.daily(FIRST_2026, tie);
        assertThat(tied.aqi()).isEqualTo(100);
        assertThat(tied.level().category()).isEqualTo("良");
        assertThat(tied.primary()).containsExactly(Pollutant.PM10, Pollutant.PM25);
        // 超标污染物: named in 2012 (IAQI above 100), not in 2026.
        Map<Pollutant, BigDecimal> dirty = cleanWith(Pollutant.PM25, "116");
        dirty.put(Pollutant.NO2, new BigDecimal("90"));
        DailyAqi old = calculator.daily(LAST_2012, dirty);
        assertThat(old.aqi()).isEqualTo(152); // PM2.5 116: 50/35 × 1 + 150 = 151.43 → 152
        assertThat(old.level()).isEqualTo(new AqiLevel(200, "四级", "中度污染", "#FF0000"));
        assertThat(old.exceeding()).containsExactly(Pollutant.NO2, Pollutant.PM25); // NO2 90: 50/100 × 10 + 100 = 105
        assertThat(calculator.daily(FIRST_2026, dirty).exceeding()).isEmpty();
        // Level edges.
        assertThat(rules.level(51).level()).isEqualTo("二级");
        assertThat(rules.level(150).colour()).isEqualTo("#FF7E00");
        assertThat(rules.level(300)).isEqualTo(new AqiLevel(300, "五级", "重度污染", "#99004C"));
        assertThat(rules.level(301)).isEqualTo(new AqiLevel(100000, "六级", "严重污染", "#7E0023"));
    }

    @Test
    void aMissingIndicatorAndConcentrationsAboveTheTable() {
        // 2026 §5.3.1: with an indicator missing, the AQI stands only above 100.
        DailyAqi low = calculator.daily(FIRST_2026, day(Pollutant.PM25, "50", Pollutant.PM10, "40"));
        assertThat(low.iaqi()).containsEntry(Pollutant.PM25, 80); // 50/25 × 15 + 50 = 80
        assertThat(low.aqi()).isNull();
        assertThat(low.level()).isNull();
        assertThat(low.primary()).isEmpty();
        assertThat(low.missing()).containsExactly(Pollutant.SO2, Pollutant.NO2, Pollutant.CO, Pollutant.O3_8H);
        DailyAqi high = calculator.daily(FIRST_2026, day(Pollutant.PM25, "80"));
        assertThat(high.aqi()).isEqualTo(119); // 50/55 × 20 + 100 = 118.18 → 119
        assertThat(high.primary()).containsExactly(Pollutant.PM25);
        // 2012: the AQI of the indicators there are.
        assertThat(calculator.daily(LAST_2012, day(Pollutant.PM25, "50")).aqi()).isEqualTo(69); // 50/40 × 15 + 50 = 68.75
        // Above the table: capped at 500 by default (UNCONFIRMED), or the last segment extended.
        assertThat(iaqi(FIRST_2026, Pollutant.PM25, "650")).isEqualTo(500);
        assertThat(new AqiCalculator(rules, false).daily(FIRST_2026, cleanWith(Pollutant.PM25, "650")).iaqi()
                .get(Pollutant.PM25)).isEqualTo(600); // 100/150 × 150 + 500
        assertThatThrownBy(() -> calculator.daily(FIRST_2026, cleanWith(Pollutant.NO2, "-1")))
                .hasMessage("二氧化氮（NO₂）日平均的浓度不能为负数（-1）");
    }

    @Test
    void aRuleFileThatContradictsItselfIsRefused() {
        String broken = """
                levels: [{upTo: 50, level: 一级, category: 优, colour: "#00E400"}]
                ruleSets:
                  - {code: A, name: a, from: 2013-01-01, until: 2020-12-31, daily: [PM25], breakpoints: {PM25: [0, 35, 30]}}
                """;
        assertThatThrownBy(() -> AqiRules.read(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("PM25 breakpoints must rise");
        String gap = """
                levels: [{upTo: 50, level: 一级, category: 优, colour: "#00E400"}]
                ruleSets:
                  - {code: A, name: a, from: 2013-01-01, until: 2020-12-31, daily: [PM25], breakpoints: {PM25: [0, 35]}}
                  - {code: B, name: b, from: 2021-02-01, daily: [PM25], breakpoints: {PM25: [0, 35]}}
                """;
        assertThatThrownBy(() -> AqiRules.read(new ByteArrayInputStream(gap.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("must start the day after A ends");
    }
}
