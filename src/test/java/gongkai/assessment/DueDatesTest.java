package gongkai.assessment;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import gongkai.catalog.PublicationSchedule;
import gongkai.catalog.ReportingPeriod;
import gongkai.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Due dates over the real holiday file. Every expected date was counted by hand on the 2026 calendar with the State
 * Council's notice beside it: 春节 off 15–23 February with Saturday 14 and Saturday 28 February worked; 中秋 off
 * 25–27 September, 国庆 off 1–7 October, with Sunday 20 September and Saturday 10 October worked.
 */
@PlatformTest
class DueDatesTest {

    @Autowired
    DueDates due;

    private LocalDate dueOn(String schedule, String period) {
        return due.dueOn(PublicationSchedule.parse(schedule), ReportingPeriod.parse(period));
    }

    @Test
    void aMonthlyItemAcrossTheNationalDayBreak() {
        // October 2026: 8 (1), 9 (2), Saturday 10 worked (3), 12 … 16 (4–8), 19 (9), 20 (10).
        assertThat(dueOn("monthly:10", "2026-09")).isEqualTo(LocalDate.of(2026, 10, 20));
        // September 2026: 1–4 (1–4), 7–11 (5–9), 14 (10); the worked Sunday 20 comes later.
        assertThat(dueOn("monthly:10", "2026-08")).isEqualTo(LocalDate.of(2026, 9, 14));
    }

    @Test
    void aQuarterlyItemWhoseCountRunsIntoTheNextMonth() {
        // October 2026 has 18 working days (8, 9, 10, 12–16, 19–23, 26–30): the 19th and 20th are 2 and 3 November.
        assertThat(dueOn("quarterly:20", "2026-Q3")).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(dueOn("quarterly:15", "2026-Q3")).isEqualTo(LocalDate.of(2026, 10, 27));
    }

    @Test
    void acrossTheSpringFestivalBreakAndItsWorkedSaturdays() {
        // February 2026: 2–6 (1–5), 9–13 (6–10), Saturday 14 worked (11), 15–23 off, 24 (12), 25 (13), 26 (14), 27 (15).
        assertThat(dueOn("monthly:15", "2026-01")).isEqualTo(LocalDate.of(2026, 2, 27));
        // …and Saturday 28 worked (16).
        assertThat(dueOn("monthly:16", "2026-01")).isEqualTo(LocalDate.of(2026, 2, 28));
        // January 2026: 1–3 off, Sunday 4 worked (1), 5–9 (2–6), 12–16 (7–11), 19–23 (12–16), 26–29 (17–20).
        assertThat(dueOn("quarterly:20", "2025-Q4")).isEqualTo(LocalDate.of(2026, 1, 29));
        assertThat(dueOn("yearly:1", "2025")).isEqualTo(LocalDate.of(2026, 1, 4));
    }

    @Test
    void aPeriodThatDoesNotFitTheScheduleIsRefusedWithAMessage() {
        assertThatThrownBy(() -> dueOn("monthly:10", "2026-Q3")).hasMessageContaining("2026-10 这样的年月")
                .hasMessageContaining("2026-Q3");
        assertThatThrownBy(() -> dueOn("quarterly:20", "2026-10")).hasMessageContaining("季度");
        assertThatThrownBy(() -> dueOn("event:20", "2026-10")).hasMessageContaining("没有固定期间");
    }

    @Test
    void theAnnualReportsStatutoryDatesMovePastRestDaysToTheNextWorkingDay() {
        // 31 January 2026 is a Saturday: Monday 2 February.
        assertThat(dueOn("yearly:01-31", "2025")).isEqualTo(LocalDate.of(2026, 2, 2));
        // 31 January 2025 fell in the Spring Festival break (28 January – 4 February): Wednesday 5 February.
        assertThat(dueOn("yearly:01-31", "2024")).isEqualTo(LocalDate.of(2025, 2, 5));
        // 31 March 2026 is a Tuesday and stays; 31 March 2024 was a Sunday: Monday 1 April.
        assertThat(dueOn("yearly:03-31", "2025")).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(dueOn("yearly:03-31", "2023")).isEqualTo(LocalDate.of(2024, 4, 1));
        // 31 January 2024 was a Wednesday.
        assertThat(dueOn("yearly:01-31", "2023")).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(PublicationSchedule.parse("yearly:01-31").describe()).isEqualTo("按年度公开，次年1月31日前");
        assertThat(PublicationSchedule.parse("yearly:03-31").code()).isEqualTo("yearly:03-31");
        assertThatThrownBy(() -> PublicationSchedule.parse("yearly:02-30")).hasMessageContaining("日期不存在");
        assertThatThrownBy(() -> dueOn("yearly:01-31", "2025-Q4")).hasMessageContaining("2026 这样的年份");
    }
}
