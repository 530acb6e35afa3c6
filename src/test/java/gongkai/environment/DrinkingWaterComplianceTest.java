package gongkai.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The monthly compliance of centralised drinking-water sources (environment.md §5) against examples worked by hand:
 * GB 3838 Table 1 against class III, Tables 2 and 3 against their limits, the rate by number of sources and by volume.
 */
class DrinkingWaterComplianceTest {

    private static final LocalDate DAY = LocalDate.of(2026, 10, 13);

    private final SurfaceWaterStandard standard = SurfaceWaterStandard.standard();
    private final DrinkingWaterCompliance compliance = new DrinkingWaterCompliance(standard);

    private SourceCompliance source(String name, SourceKind kind, String volume, String... codeAndValue) {
        return compliance.source(name, kind, new BigDecimal(volume), List.of(WaterSample.of(DAY, codeAndValue)));
    }

    @Test
    void aSourceFailingOnATable2ItemLowersBothRates() {
        SourceCompliance river = source("袁河水源地", SourceKind.RIVER, "600",
                "PH", "7.4", "DO", "7.8", "NH3N", "0.42", "TP", "0.08", "FE", "0.2", "SO4", "100", "CHCL3", "0.01");
        // 锰 0.15 over the Table 2 limit 0.1: (0.15 − 0.1) / 0.1 = 0.50. 总磷 0.04 meets the lake class III 0.05.
        SourceCompliance lake = source("飞剑潭水库", SourceKind.LAKE, "300",
                "PH", "7.1", "NH3N", "0.3", "TP", "0.04", "MN", "0.15");
        // 氨氮 exactly at the class III limit 1.0 complies.
        SourceCompliance atLimit = source("锦江水源地", SourceKind.RIVER, "100", "NH3N", "1.0", "DO", "5");

        assertThat(river.compliant()).isTrue();
        assertThat(river.waterClass()).isEqualTo(WaterClass.II);
        assertThat(lake.compliant()).isFalse();
        assertThat(lake.waterClass()).isEqualTo(WaterClass.III);
        assertThat(lake.exceedances()).extracting(Exceedance::label).containsExactly("锰(0.50)");
        assertThat(atLimit.compliant()).isTrue();
        assertThat(atLimit.waterClass()).isEqualTo(WaterClass.III);

        MonthlyCompliance month = compliance.month(List.of(river, lake, atLimit));
        // By number: 2 of 3 = 66.666…% → 66.7; by volume: (600 + 100) / 1000 = 70.0%.
        assertThat(month.judged()).isEqualTo(3);
        assertThat(month.compliant()).isEqualTo(2);
        assertThat(month.rateByCount()).isEqualByComparingTo("66.7");
        assertThat(month.volume()).isEqualByComparingTo("1000");
        assertThat(month.compliantVolume()).isEqualByComparingTo("700");
        assertThat(month.rateByVolume()).isEqualByComparingTo("70.0");
    }

    @Test
    void everySourceCompliantIsAHundredPercentBothWays() {
        // As the Quzhou report: 1057.3 of 1057.3 万吨.
        MonthlyCompliance month = compliance.month(List.of(
                source("甲水源地", SourceKind.RIVER, "857.3", "NH3N", "0.2"),
                source("乙水源地", SourceKind.LAKE, "200", "TP", "0.05")));
        assertThat(month.rateByCount()).isEqualByComparingTo("100.0");
        assertThat(month.rateByVolume()).isEqualByComparingTo("100.0");
        assertThat(month.volume()).isEqualByComparingTo("1057.3");
    }

    @Test
    void table1ItemsAreJudgedAgainstClassIIIAndReferenceItemsAreNot() {
        // 氨氮 1.01 over 1.0: 0.01; 溶解氧 4.9 under 5, named without a multiple; 粪大肠菌群 and a river's 总氮 ignored.
        SourceCompliance s = source("袁河水源地", SourceKind.RIVER, "10",
                "NH3N", "1.01", "DO", "4.9", "FC", "50000", "TN", "3", "WT", "18");
        assertThat(s.compliant()).isFalse();
        assertThat(s.exceedances()).extracting(Exceedance::label).containsExactly("溶解氧", "氨氮(0.01)");
        assertThat(s.waterClass()).isEqualTo(WaterClass.IV);
        // 总磷 0.06 meets the river class III (0.2) but not the lake one (0.05): (0.06 − 0.05) / 0.05 = 0.20.
        assertThat(source("河", SourceKind.RIVER, "1", "TP", "0.06").compliant()).isTrue();
        assertThat(source("库", SourceKind.LAKE, "1", "TP", "0.06").exceedances()).extracting(Exceedance::label)
                .containsExactly("总磷(0.20)");
        // pH outside 6–9.
        assertThat(source("河", SourceKind.RIVER, "1", "PH", "5.8").exceedances()).extracting(Exceedance::label)
                .containsExactly("pH");
    }

    @Test
    void aTable3ItemOverItsLimitFails() {
        // 苯 0.012 over 0.01: (0.012 − 0.01) / 0.01 = 0.20; 三氯甲烷 not detected below 0.0004 complies.
        SourceCompliance s = source("袁河水源地", SourceKind.RIVER, "5", "BENZENE", "0.012", "CHCL3", "0.0004L");
        assertThat(s.exceedances()).extracting(Exceedance::label).containsExactly("苯(0.20)");
    }

    @Test
    void groundwaterWithoutConfiguredLimitsIsNotJudgedAndCountsInNeitherRate() {
        SourceCompliance well = source("城北水厂井群", SourceKind.GROUNDWATER, "50", "NH3N", "0.3");
        assertThat(well.judged()).isFalse();
        assertThat(well.compliant()).isFalse();
        assertThat(well.notJudged()).extracting(WaterItem::name).containsExactly("氨氮");
        MonthlyCompliance month = compliance.month(List.of(well, source("甲水源地", SourceKind.RIVER, "100", "NH3N", "0.2")));
        assertThat(month.judged()).isEqualTo(1);
        assertThat(month.rateByCount()).isEqualByComparingTo("100.0");
        assertThat(month.volume()).isEqualByComparingTo("100");
    }

    @Test
    void groundwaterIsJudgedAgainstTheConfiguredClassIIILimits() throws IOException {
        String yaml;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SurfaceWaterStandard.RESOURCE)) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // Limits configured for the test only: the real GB/T 14848 values are not in environment.md.
        String configured = yaml.replace("  classIII: []", """
                  classIII:
                    - {code: NH3N, limit: 0.5}
                    - {code: PH, range: [6.5, 8.5]}
                    - {code: HARDNESS, name: 总硬度, unit: mg/L, limit: 450}
                """);
        DrinkingWaterCompliance gw = new DrinkingWaterCompliance(
                SurfaceWaterStandard.read(new ByteArrayInputStream(configured.getBytes(StandardCharsets.UTF_8))));
        SourceCompliance ok = gw.source("城北水厂井群", SourceKind.GROUNDWATER, new BigDecimal("50"),
                List.of(WaterSample.of(DAY, "NH3N", "0.5", "PH", "7.0", "HARDNESS", "300", "FE", "0.2")));
        assertThat(ok.judged()).isTrue();
        assertThat(ok.compliant()).isTrue();
        assertThat(ok.waterClass()).isNull();
        assertThat(ok.notJudged()).extracting(WaterItem::name).containsExactly("铁");
        // 总硬度 500 over 450: (500 − 450) / 450 = 0.111… → 0.11; pH 8.6 outside 6.5–8.5.
        SourceCompliance bad = gw.source("城南水厂井群", SourceKind.GROUNDWATER, new BigDecimal("30"),
                List.of(WaterSample.of(DAY, "PH", "8.6", "HARDNESS", "500")));
        assertThat(bad.exceedances()).extracting(Exceedance::label).containsExactly("pH", "总硬度(0.11)");
    }

    @Test
    void badInputIsRefusedNamingTheSourceAndItem() {
        assertThatThrownBy(() -> source("袁河水源地", SourceKind.RIVER, "10", "MN", "-0.01"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("袁河水源地").hasMessageContaining("锰");
        assertThatThrownBy(() -> source("袁河水源地", SourceKind.RIVER, "10", "MANGANESE", "0.01"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("未知的监测项目代码：MANGANESE");
        assertThatThrownBy(() -> source("袁河水源地", SourceKind.RIVER, "-1", "MN", "0.01"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("取水量");
    }
}
