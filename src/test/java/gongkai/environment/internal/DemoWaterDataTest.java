package gongkai.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import gongkai.catalog.ReportingPeriod;
import gongkai.environment.SourceKind;
import gongkai.environment.WaterClass;
import gongkai.environment.WaterQualityData;

/**
 * The demo has a year of fictitious water data: the last full quarter's twelve sections, some worse than class III,
 * and last month's six sources, one of them groundwater and one over a limit; every name says 示例.
 */
@SpringBootTest
@ActiveProfiles({ "test", "demo" })
class DemoWaterDataTest {

    @Autowired
    WaterQualityData water;

    @Test
    void theDemoHasFourQuartersOfSectionsAndAYearOfSources() {
        ReportingPeriod last = WaterQualityData.previousQuarter(WaterQualityData.quarterOf(LocalDate.now()));
        WaterQualityData.SurfaceQuarter q = water.quarter(last);
        assertThat(q.sections()).hasSize(12).allSatisfy(s -> assertThat(s.section().name()).contains("示例"));
        assertThat(q.sections()).filteredOn(s -> s.quality().waterClass().worseThan(WaterClass.III)).hasSize(3);
        assertThat(q.sections()).anySatisfy(s -> assertThat(s.quality().waterClass()).isEqualTo(WaterClass.WORSE_THAN_V));
        assertThat(q.counties().size()).isGreaterThanOrEqualTo(5);
        assertThat(water.quartersWithData()).hasSizeGreaterThanOrEqualTo(4);

        WaterQualityData.DrinkingMonth m = water.drinkingMonth(YearMonth.now().minusMonths(1));
        assertThat(m.sources()).hasSize(6);
        assertThat(m.sources()).filteredOn(s -> s.source().kind() == SourceKind.GROUNDWATER).hasSize(1);
        assertThat(m.sources()).filteredOn(s -> s.compliance().judged() && !s.compliance().compliant()).singleElement()
                .satisfies(s -> assertThat(s.compliance().exceedances().get(0).item().code()).isEqualTo("FE"));
        assertThat(water.monthsWithData()).hasSize(12);
        assertThat(water.drinkingMonth(YearMonth.now().minusMonths(2)).rates().rateByCount())
                .isEqualByComparingTo("100");
    }
}
