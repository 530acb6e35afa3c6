package gongkai.catalog;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportingPeriodTest {

    @Test
    void readsMonthsQuartersAndYearsAndWritesThemBack() {
        for (String text : List.of("2026-10", "2026-01", "2026-Q3", "2026")) {
            assertThat(ReportingPeriod.parse(text).toString()).isEqualTo(text);
        }
        assertThat(ReportingPeriod.parse(" 2026-q4 ")).isEqualTo(ReportingPeriod.quarter(2026, 4));
        assertThat(ReportingPeriod.parse("2026-Q3").describe()).isEqualTo("2026年第三季度");
        assertThat(ReportingPeriod.parse("2026-10").describe()).isEqualTo("2026年10月");
    }

    @Test
    void knowsItsDaysAndWhatComesNext() {
        ReportingPeriod q4 = ReportingPeriod.quarter(2025, 4);
        assertThat(q4.firstDay()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(q4.lastDay()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(q4.next()).isEqualTo(ReportingPeriod.quarter(2026, 1));
        assertThat(ReportingPeriod.month(2026, 2).lastDay()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(ReportingPeriod.month(2026, 12).next()).isEqualTo(ReportingPeriod.month(2027, 1));
    }

    @Test
    void anythingElseIsRefusedNamingTheForms() {
        for (String bad : new String[] {"2026-13", "2026-Q5", "2026-00", "26-10", "2026/10", "十月", "", "2026-Q0"}) {
            assertThatThrownBy(() -> ReportingPeriod.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageMatching(".*(2026-10|不存在).*");
        }
        assertThatThrownBy(() -> ReportingPeriod.parse(null)).hasMessageContaining("2026-Q3");
    }
}
