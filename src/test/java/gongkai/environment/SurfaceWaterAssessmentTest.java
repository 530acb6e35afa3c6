package gongkai.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Surface-water quality against examples worked by hand from GB 3838-2002 Table 1 and the evaluation method of
 * 环办〔2011〕22号 (environment.md §4): every class at its limit and just past it, the lake column of 总磷, main
 * pollutants with their 超标倍数, and the county summary both ways.
 */
class SurfaceWaterAssessmentTest {

    private static final LocalDate JAN = LocalDate.of(2026, 1, 12);
    private static final LocalDate FEB = LocalDate.of(2026, 2, 10);
    private static final LocalDate MAR = LocalDate.of(2026, 3, 9);

    private final SurfaceWaterStandard standard = SurfaceWaterStandard.standard();
    private final SurfaceWaterAssessment assessment = new SurfaceWaterAssessment(standard);

    private SectionQuality river(String... codeAndValue) {
        return assessment.section("袁河彬江断面", WaterBody.RIVER, List.of(WaterSample.of(JAN, codeAndValue)));
    }

    private SectionQuality lake(String... codeAndValue) {
        return assessment.section("飞剑潭水库", WaterBody.LAKE, List.of(WaterSample.of(JAN, codeAndValue)));
    }

    @ParameterizedTest(name = "{0} {1} in a {2} is {3}")
    @CsvSource({
            // 氨氮 ≤ 0.15 / 0.5 / 1.0 / 1.5 / 2.0
            "NH3N, 0.15, RIVER, I", "NH3N, 0.16, RIVER, II", "NH3N, 0.5, RIVER, II", "NH3N, 0.51, RIVER, III",
            "NH3N, 1.0, RIVER, III", "NH3N, 1.01, RIVER, IV", "NH3N, 1.5, RIVER, IV", "NH3N, 1.51, RIVER, V",
            "NH3N, 2.0, RIVER, V", "NH3N, 2.01, RIVER, WORSE_THAN_V",
            // 化学需氧量 ≤ 15 / 15 / 20 / 30 / 40: the shared limit gives the better class, so there is no class II
            "COD, 15, RIVER, I", "COD, 15.1, RIVER, III", "COD, 20, RIVER, III", "COD, 20.1, RIVER, IV",
            "COD, 30, RIVER, IV", "COD, 30.1, RIVER, V", "COD, 40, RIVER, V", "COD, 40.1, RIVER, WORSE_THAN_V",
            // 总磷, rivers ≤ 0.02 / 0.1 / 0.2 / 0.3 / 0.4
            "TP, 0.02, RIVER, I", "TP, 0.021, RIVER, II", "TP, 0.1, RIVER, II", "TP, 0.101, RIVER, III",
            "TP, 0.2, RIVER, III", "TP, 0.201, RIVER, IV", "TP, 0.3, RIVER, IV", "TP, 0.301, RIVER, V",
            "TP, 0.4, RIVER, V", "TP, 0.401, RIVER, WORSE_THAN_V",
            // 总磷, lakes and reservoirs ≤ 0.01 / 0.025 / 0.05 / 0.1 / 0.2
            "TP, 0.01, LAKE, I", "TP, 0.011, LAKE, II", "TP, 0.025, LAKE, II", "TP, 0.026, LAKE, III",
            "TP, 0.05, LAKE, III", "TP, 0.051, LAKE, IV", "TP, 0.1, LAKE, IV", "TP, 0.101, LAKE, V",
            "TP, 0.2, LAKE, V", "TP, 0.201, LAKE, WORSE_THAN_V",
            // 溶解氧 ≥ 7.5 / 6 / 5 / 3 / 2: inverted, just below a limit is the next class down
            "DO, 7.5, RIVER, I", "DO, 7.49, RIVER, II", "DO, 6, RIVER, II", "DO, 5.99, RIVER, III",
            "DO, 5, RIVER, III", "DO, 4.99, RIVER, IV", "DO, 3, RIVER, IV", "DO, 2.99, RIVER, V",
            "DO, 2, RIVER, V", "DO, 1.99, RIVER, WORSE_THAN_V",
            // pH 6–9 in every class: inside is class I, outside 劣Ⅴ类
            "PH, 6, RIVER, I", "PH, 5.99, RIVER, WORSE_THAN_V", "PH, 9, RIVER, I", "PH, 9.01, RIVER, WORSE_THAN_V",
            // 高锰酸盐指数 ≤ 2 / 4 / 6 / 10 / 15
            "CODMN, 6, RIVER, III", "CODMN, 6.1, RIVER, IV", "CODMN, 15, RIVER, V", "CODMN, 15.1, RIVER, WORSE_THAN_V",
    })
    void aValueAtALimitBelongsToThatClassAndJustPastItToTheNext(String code, String value, WaterBody body,
            WaterClass expected) {
        SectionQuality q = assessment.section("断面", body, List.of(WaterSample.of(JAN, code, value)));
        assertThat(q.item(code).waterClass()).isEqualTo(expected);
        assertThat(q.waterClass()).isEqualTo(expected);
    }

    @Test
    void theStatusWordFollowsTheClass() {
        assertThat(river("NH3N", "0.15").status()).isEqualTo("优");
        assertThat(river("NH3N", "0.5").status()).isEqualTo("优");
        assertThat(river("NH3N", "1.0").status()).isEqualTo("良好");
        assertThat(river("NH3N", "1.5").status()).isEqualTo("轻度污染");
        assertThat(river("NH3N", "2.0").status()).isEqualTo("中度污染");
        assertThat(river("NH3N", "2.01").status()).isEqualTo("重度污染");
        assertThat(river("NH3N", "1.0").waterClass().wording()).isEqualTo("符合Ⅲ类");
        assertThat(river("NH3N", "2.01").waterClass().wording()).isEqualTo("劣于Ⅴ类");
    }

    @Test
    void aLakeIsDecidedByTheLakeColumnOfTotalPhosphorus() {
        String[] sample = {"PH", "7.6", "DO", "8.1", "CODMN", "3.5", "NH3N", "0.42", "TP", "0.08"};
        // River column: TP 0.08 ≤ 0.1 is class II, and so is the section.
        SectionQuality asRiver = river(sample);
        assertThat(asRiver.waterClass()).isEqualTo(WaterClass.II);
        assertThat(asRiver.status()).isEqualTo("优");
        assertThat(asRiver.mainPollutants()).isEmpty();
        // Lake column: 0.05 < 0.08 ≤ 0.1 is class IV; 超标倍数 (0.08 − 0.05) / 0.05 = 0.60.
        SectionQuality asLake = lake(sample);
        assertThat(asLake.waterClass()).isEqualTo(WaterClass.IV);
        assertThat(asLake.status()).isEqualTo("轻度污染");
        assertThat(asLake.mainPollutants()).extracting(MainPollutant::label).containsExactly("总磷(0.60)");
    }

    @Test
    void aQuarterIsTheMeanOfItsSamplesEachWithAnySubsetOfItems() {
        SectionQuality q = assessment.section("袁河彬江断面", WaterBody.RIVER, List.of(
                WaterSample.of(JAN, "NH3N", "1.2", "CODMN", "4"),
                WaterSample.of(FEB, "NH3N", "1.6"),
                WaterSample.of(MAR, "NH3N", "2.0", "CODMN", "5")));
        // 氨氮 (1.2 + 1.6 + 2.0) / 3 = 1.6: class V; 高锰酸盐指数 (4 + 5) / 2 = 4.5: class III.
        assertThat(q.item("NH3N").mean()).isEqualByComparingTo("1.6");
        assertThat(q.item("CODMN").mean()).isEqualByComparingTo("4.5");
        assertThat(q.item("CODMN").waterClass()).isEqualTo(WaterClass.III);
        assertThat(q.waterClass()).isEqualTo(WaterClass.V);
        // (1.6 − 1.0) / 1.0 = 0.60
        assertThat(q.mainPollutants()).extracting(MainPollutant::label).containsExactly("氨氮(0.60)");
    }

    @Test
    void referenceItemsAreReportedButDoNotDecideTheClass() {
        SectionQuality q = river("WT", "-0.5", "NH3N", "0.5", "FC", "50000", "TN", "3");
        assertThat(q.waterClass()).isEqualTo(WaterClass.II);
        assertThat(q.item("FC").reference()).isTrue();
        assertThat(q.item("FC").waterClass()).isEqualTo(WaterClass.WORSE_THAN_V);
        assertThat(q.item("TN").reference()).isTrue();
        assertThat(q.item("WT").reference()).isTrue();
        assertThat(q.mainPollutants()).isEmpty();
        // 总氮 is evaluated for lakes: 3 > 2.0 is 劣Ⅴ类, 超标倍数 (3 − 1.0) / 1.0 = 2.00.
        SectionQuality l = lake("NH3N", "0.5", "FC", "50000", "TN", "3");
        assertThat(l.waterClass()).isEqualTo(WaterClass.WORSE_THAN_V);
        assertThat(l.mainPollutants()).extracting(MainPollutant::label).containsExactly("总氮(2.00)");
        assertThatThrownBy(() -> river("WT", "20", "FC", "300"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("没有可评价的监测项目");
    }

    @Test
    void theMainPollutantsAreTheThreeWorstClassesThenTheLargestMultiples() {
        SectionQuality q = river("PH", "7.2", "DO", "2.5", "CODMN", "8", "COD", "45", "BOD5", "5", "NH3N", "2.5",
                "TP", "0.35");
        // 劣Ⅴ: 氨氮 (2.5 − 1.0) / 1.0 = 1.50, 化学需氧量 (45 − 20) / 20 = 1.25; Ⅴ: 总磷 (0.35 − 0.2) / 0.2 = 0.75,
        // 溶解氧 (no 超标倍数); Ⅳ: 高锰酸盐指数 (8 − 6) / 6 = 0.33, 五日生化需氧量 (5 − 4) / 4 = 0.25.
        assertThat(q.waterClass()).isEqualTo(WaterClass.WORSE_THAN_V);
        assertThat(q.status()).isEqualTo("重度污染");
        assertThat(q.mainPollutants()).extracting(MainPollutant::label)
                .containsExactly("氨氮(1.50)", "化学需氧量(1.25)", "总磷(0.75)");
        assertThat(q.item("CODMN").multiple()).isEqualByComparingTo("0.33");
        assertThat(q.item("DO").multiple()).isNull();
        assertThat(q.item("BOD5").multiple()).isEqualByComparingTo("0.25");
    }

    @Test
    void heavyMetalsAndCyanideOverClassIIIComeFirst() {
        // 铅 0.06: class IV, (0.06 − 0.05) / 0.05 = 0.20, listed before the worse 氨氮 and 化学需氧量.
        SectionQuality q = river("COD", "45", "NH3N", "2.5", "TP", "0.35", "PB", "0.06");
        assertThat(q.mainPollutants()).extracting(MainPollutant::label)
                .containsExactly("铅(0.20)", "氨氮(1.50)", "化学需氧量(1.25)");
    }

    @Test
    void pHAndDissolvedOxygenAreNamedWithoutAMultiple() {
        SectionQuality q = river("PH", "9.5", "DO", "1.5", "NH3N", "0.4");
        assertThat(q.waterClass()).isEqualTo(WaterClass.WORSE_THAN_V);
        assertThat(q.mainPollutants()).extracting(MainPollutant::label).containsExactly("pH", "溶解氧");
    }

    @Test
    void theMultipleIsRoundedToTwoDecimalsHalfToEven() {
        // (1.025 − 1.0) / 1.0 = 0.025 → 0.02 (half to even; half up would give 0.03); (1.035 − 1.0) → 0.035 → 0.04.
        assertThat(river("NH3N", "1.025").mainPollutants().get(0).multiple()).isEqualByComparingTo("0.02");
        assertThat(river("NH3N", "1.035").mainPollutants().get(0).multiple()).isEqualByComparingTo("0.04");
        // 高锰酸盐指数 (7 − 6) / 6 = 0.1666… → 0.17
        assertThat(river("CODMN", "7").mainPollutants().get(0).label()).isEqualTo("高锰酸盐指数(0.17)");
    }

    @Test
    void aValueBelowItsDetectionLimitCountsAsHalfOfIt() {
        // 氰化物 "0.004L" counts as 0.002 (class I); with 0.010 the mean is (0.002 + 0.010) / 2 = 0.006 (class II).
        assertThat(river("CN", "0.004L").item("CN").mean()).isEqualByComparingTo("0.002");
        SectionQuality q = assessment.section("断面", WaterBody.RIVER,
                List.of(WaterSample.of(JAN, "CN", "0.004L"), WaterSample.of(FEB, "CN", "0.010")));
        assertThat(q.item("CN").mean()).isEqualByComparingTo("0.006");
        assertThat(q.waterClass()).isEqualTo(WaterClass.II);
    }

    @Test
    void badInputIsRefusedNamingTheItem() {
        assertThatThrownBy(() -> river("NH3N", "-0.1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("氨氮").hasMessageContaining("负数");
        assertThatThrownBy(() -> river("NH4", "0.1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("未知的监测项目代码：NH4");
        assertThatThrownBy(() -> river("NH3N", "abc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("abc");
        assertThatThrownBy(() -> river("FE", "0.1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("铁");
        assertThatThrownBy(() -> assessment.section("袁河彬江断面", WaterBody.RIVER, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("袁河彬江断面没有监测数据");
    }

    @Test
    void withFewerThanFiveSectionsTheCountyIsTheClassOfTheAveragedConcentrations() {
        List<SectionQuality> sections = List.of(
                river("NH3N", "0.5", "TP", "0.1"),   // II
                river("NH3N", "1.5", "TP", "0.3"),   // IV
                river("NH3N", "1.3", "TP", "0.2"));  // IV
        CountyWaterSummary s = assessment.county("袁州区", sections);
        // 氨氮 (0.5 + 1.5 + 1.3) / 3 = 1.1: class IV; 总磷 (0.1 + 0.3 + 0.2) / 3 = 0.2: class III.
        assertThat(s.method()).isEqualTo(CountyWaterSummary.Method.AVERAGED);
        assertThat(s.averaged().item("NH3N").mean()).isEqualByComparingTo("1.1");
        assertThat(s.averaged().item("TP").mean()).isEqualByComparingTo("0.2");
        assertThat(s.averaged().waterClass()).isEqualTo(WaterClass.IV);
        assertThat(s.status()).isEqualTo("轻度污染");
        assertThat(s.averaged().mainPollutants()).extracting(MainPollutant::label).containsExactly("氨氮(0.10)");
        // The shares are reported anyway: 1 of 3 sections I–III.
        assertThat(s.goodShare()).isEqualByComparingTo("33.3");
    }

    /** n sections of the given classes, each decided by its 氨氮. */
    private List<SectionQuality> sections(int good, int four, int five, int worse) {
        List<SectionQuality> list = new ArrayList<>();
        for (int i = 0; i < good; i++) {
            list.add(river("NH3N", "0.9"));
        }
        for (int i = 0; i < four; i++) {
            list.add(river("NH3N", "1.4"));
        }
        for (int i = 0; i < five; i++) {
            list.add(river("NH3N", "1.9", "TP", "0.35"));
        }
        for (int i = 0; i < worse; i++) {
            list.add(river("NH3N", "2.6", "TP", "0.5"));
        }
        return list;
    }

    @Test
    void withFiveOrMoreSectionsTheCountyIsJudgedByTheSharesOfClasses() {
        // 9 of 10 I–III = 90%: 优.
        CountyWaterSummary best = assessment.county("宜春市", sections(9, 0, 0, 1));
        assertThat(best.method()).isEqualTo(CountyWaterSummary.Method.SHARES);
        assertThat(best.averaged()).isNull();
        assertThat(best.goodShare()).isEqualByComparingTo("90.0");
        assertThat(best.status()).isEqualTo("优");
        // 8 of 10 = 80%: 良好; 7 of 10 = 70% with 劣Ⅴ 10%: 轻度污染.
        assertThat(assessment.county("宜春市", sections(8, 1, 0, 1)).status()).isEqualTo("良好");
        assertThat(assessment.county("宜春市", sections(7, 2, 0, 1)).status()).isEqualTo("轻度污染");
        // 劣Ⅴ exactly 20%: 中度污染; exactly 40%: 重度污染.
        CountyWaterSummary moderate = assessment.county("宜春市", sections(6, 0, 2, 2));
        assertThat(moderate.shares().get(WaterClass.WORSE_THAN_V)).isEqualByComparingTo("20.0");
        assertThat(moderate.status()).isEqualTo("中度污染");
        assertThat(assessment.county("宜春市", sections(5, 1, 0, 4)).status()).isEqualTo("重度污染");
        // Exactly 5 sections use the shares (configurable): 4 of 5 = 80%: 良好.
        CountyWaterSummary five = assessment.county("万载县", sections(4, 0, 0, 1));
        assertThat(five.method()).isEqualTo(CountyWaterSummary.Method.SHARES);
        assertThat(five.status()).isEqualTo("良好");
        assertThat(five.counts().get(WaterClass.WORSE_THAN_V)).isEqualTo(1);
    }

    @Test
    void byShareTheMainPollutantsAreTheItemsMostOftenWorseThanClassIII() {
        // 氨氮 worse than III in 2 + 2 + 2 = 6 sections, 总磷 in 2 + 2 = 4 (0.35 and 0.5 are over 0.2).
        CountyWaterSummary s = assessment.county("宜春市", sections(4, 2, 2, 2));
        assertThat(s.pollutants()).extracting(p -> p.item().name(), CountyWaterSummary.SharePollutant::share)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("氨氮", new BigDecimal("60.0")),
                        org.assertj.core.groups.Tuple.tuple("总磷", new BigDecimal("40.0")));
    }

    @Test
    void theStandardIsCheckedWhenRead() throws IOException {
        String yaml;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SurfaceWaterStandard.RESOURCE)) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String fourLimits = yaml.replace("classes: [0.15, 0.5, 1.0, 1.5, 2.0]", "classes: [0.15, 0.5, 1.0, 1.5]");
        assertThatThrownBy(() -> SurfaceWaterStandard.read(new ByteArrayInputStream(fourLimits.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("NH3N");
        String unordered = yaml.replace("classes: [0.15, 0.5, 1.0, 1.5, 2.0]", "classes: [0.15, 1.0, 0.5, 1.5, 2.0]");
        assertThatThrownBy(() -> SurfaceWaterStandard.read(new ByteArrayInputStream(unordered.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("NH3N");
        assertThat(standard.items()).hasSize(24 + 5 + 38);
        assertThat(standard.item("TP").lakeClasses()).hasSize(5);
    }
}
