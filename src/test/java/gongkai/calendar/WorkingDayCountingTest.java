package gongkai.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gongkai.calendar.internal.CalendarSnapshot;
import gongkai.calendar.internal.HolidayFile;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.ReferenceFiles;

/**
 * The counting rules against the real holidays-cn.csv. Every expected date was counted by hand on a calendar with
 * the State Council's notice beside it.
 */
class WorkingDayCountingTest {

    private static List<CalendarDay> days;
    private static CalendarSnapshot calendar;

    @BeforeAll
    static void readRealHolidays() {
        ReferenceFiles files =
                new ReferenceFiles(new GongkaiProperties(Path.of("target/nonexistent"), "ycszfb", false));
        days = HolidayFile.read(files);
        calendar = new CalendarSnapshot(days, false);
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void adjustedSaturdayIsWorkedAndSpringFestivalMondayIsNot() {
        assertThat(calendar.isWorkingDay(d("2026-02-14"))).as("Saturday 2026-02-14, 调休上班").isTrue();
        assertThat(calendar.isWorkingDay(d("2026-02-16"))).as("Monday 2026-02-16, 春节").isFalse();
        assertThat(calendar.isWorkingDay(d("2026-03-04"))).as("an ordinary Wednesday").isTrue();
        assertThat(calendar.isWorkingDay(d("2026-03-07"))).as("an ordinary Saturday").isFalse();
    }

    @Test
    void requestReceivedOnTheMidAutumnFridayIsDueOnTheTwentiethWorkingDay() {
        // Received Fri 9/25 (中秋, off 9/25-27). Counted: 9/28, 9/29, 9/30 (3); 国庆 off 10/1-7;
        // 10/8, 10/9, Sat 10/10 调休 (6); 10/12-16 (11); 10/19-23 (16); 10/26, 27, 28, 29 (20).
        assertThat(calendar.plusWorkingDays(d("2026-09-25"), 20)).isEqualTo(d("2026-10-29"));
        assertThat(calendar.plusWorkingDays(d("2026-09-25"), 3)).isEqualTo(d("2026-09-30"));
        assertThat(calendar.plusWorkingDays(d("2026-09-25"), 4)).isEqualTo(d("2026-10-08"));
        assertThat(calendar.plusWorkingDays(d("2026-09-25"), 6)).as("Saturday 10/10 is worked")
                .isEqualTo(d("2026-10-10"));
    }

    @Test
    void theAdjustedSundayBeforeMidAutumnCounts() {
        // Fri 9/18 → next working day is Sun 9/20 (调休上班), then Mon 9/21.
        assertThat(calendar.isWorkingDay(d("2026-09-20"))).isTrue();
        assertThat(calendar.plusWorkingDays(d("2026-09-18"), 1)).isEqualTo(d("2026-09-20"));
        assertThat(calendar.plusWorkingDays(d("2026-09-18"), 2)).isEqualTo(d("2026-09-21"));
    }

    @Test
    void periodReceivedOnAWorkingMondayExcludesThatMonday() {
        // Mon 9/28: 9/29, 9/30 (2); 10/8, 10/9, 10/10 (5); 10/12-16 (10); 10/19-23 (15); 10/26-30 (20).
        assertThat(calendar.plusWorkingDays(d("2026-09-28"), 20)).isEqualTo(d("2026-10-30"));
    }

    @Test
    void countingTheFirstDayMovesTheDueDateOfAPeriodThatBeginsOnAWorkingDay() {
        CalendarSnapshot countingFirstDay = new CalendarSnapshot(days, true);
        assertThat(countingFirstDay.plusWorkingDays(d("2026-09-28"), 20)).isEqualTo(d("2026-10-29"));
        assertThat(countingFirstDay.plusWorkingDays(d("2026-09-28"), 1)).isEqualTo(d("2026-09-28"));
        // A request received on a day off has its first counted day on the next working day either way.
        assertThat(countingFirstDay.plusWorkingDays(d("2026-09-25"), 20)).isEqualTo(d("2026-10-29"));
        assertThat(countingFirstDay.plusWorkingDays(d("2026-09-28"), 0)).isEqualTo(d("2026-09-28"));
    }

    @Test
    void mayDay2019AsAmendedByTheSecondNotice() {
        // 5/1-5/4 off; Sun 4/28 and Sun 5/5 worked.
        assertThat(calendar.isWorkingDay(d("2019-04-28"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2019-05-02"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2019-05-05"))).isTrue();
        assertThat(calendar.plusWorkingDays(d("2019-04-30"), 1)).isEqualTo(d("2019-05-05"));
        assertThat(calendar.plusWorkingDays(d("2019-04-30"), 2)).isEqualTo(d("2019-05-06"));
    }

    @Test
    void extendedSpringFestival2020() {
        // The second notice turned the make-up Saturday 2/1 into a day off; Mon 2/3 is an ordinary Monday.
        assertThat(calendar.isWorkingDay(d("2020-02-01"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2020-02-02"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2020-02-03"))).isTrue();
        assertThat(calendar.plusWorkingDays(d("2020-01-23"), 1)).isEqualTo(d("2020-02-03"));
    }

    @Test
    void periodBeginningOnAHoliday() {
        // Thu 10/1: 10/8, 10/9, Sat 10/10, 10/12, 10/13, 10/14, 10/15.
        assertThat(calendar.plusWorkingDays(d("2026-10-01"), 1)).isEqualTo(d("2026-10-08"));
        assertThat(calendar.plusWorkingDays(d("2026-10-01"), 7)).isEqualTo(d("2026-10-15"));
    }

    @Test
    void aPeriodOfNoDaysEndsWhereItBegins() {
        assertThat(calendar.plusWorkingDays(d("2026-10-03"), 0)).isEqualTo(d("2026-10-03"));
        assertThat(calendar.plusWorkingDays(d("2026-03-04"), 0)).isEqualTo(d("2026-03-04"));
    }

    @Test
    void negativePeriodIsRejected() {
        assertThatThrownBy(() -> calendar.plusWorkingDays(d("2026-03-04"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workingDaysAcrossSpringFestival2026() {
        // After Fri 2/13 up to Fri 2/27: Sat 2/14 (调休), 2/15-23 off, 2/24, 2/25, 2/26, 2/27.
        assertThat(calendar.workingDaysBetween(d("2026-02-13"), d("2026-02-27"))).isEqualTo(5);
        // All of February 2026: 2/2-6, 2/9-13, Sat 2/14, 2/24-27, Sat 2/28.
        assertThat(calendar.workingDaysBetween(d("2026-01-31"), d("2026-02-28"))).isEqualTo(16);
        assertThat(calendar.workingDaysBetween(d("2026-02-16"), d("2026-02-16"))).isZero();
        assertThat(calendar.workingDaysBetween(d("2026-02-16"), d("2026-02-23"))).as("inside the holiday").isZero();
    }

    @Test
    void workingDaysBetweenRejectsAnEndBeforeTheStart() {
        assertThatThrownBy(() -> calendar.workingDaysBetween(d("2026-02-27"), d("2026-02-13")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countingForwardAndCountingBetweenAgreeForEveryDayOf2026() {
        for (LocalDate start = d("2026-01-01"); start.getYear() == 2026; start = start.plusDays(1)) {
            for (int n = 0; n <= 45; n++) {
                LocalDate end = calendar.plusWorkingDays(start, n);
                assertThat(calendar.workingDaysBetween(start, end)).as("%s + %d", start, n).isEqualTo(n);
                if (n > 0) {
                    assertThat(calendar.isWorkingDay(end)).as("%s + %d ends on a working day", start, n).isTrue();
                }
            }
        }
    }

    @Test
    void nthWorkingDayOfTheMonth() {
        assertThat(calendar.nthWorkingDayOfMonth(YearMonth.of(2026, 10), 1)).isEqualTo(d("2026-10-08"));
        assertThat(calendar.nthWorkingDayOfMonth(YearMonth.of(2026, 10), 3)).as("Sat 10/10").isEqualTo(d("2026-10-10"));
        // May 2026: 5/1-5 off; 5/6, 5/7, 5/8, Sat 5/9 (调休), 5/11-15, 5/18.
        assertThat(calendar.nthWorkingDayOfMonth(YearMonth.of(2026, 5), 10)).isEqualTo(d("2026-05-18"));
        assertThat(calendar.nthWorkingDayOfMonth(YearMonth.of(2026, 2), 16)).isEqualTo(d("2026-02-28"));
        assertThatThrownBy(() -> calendar.nthWorkingDayOfMonth(YearMonth.of(2026, 2), 17))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.nthWorkingDayOfMonth(YearMonth.of(2026, 2), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void coveredYearsAreThoseWithAPublishedNotice() {
        assertThat(calendar.covers(2018)).isTrue();
        assertThat(calendar.covers(2026)).isTrue();
        assertThat(calendar.covers(2027)).isFalse();
        assertThat(calendar.covers(2017)).isFalse();
    }

    @Test
    void deadlineRunningIntoAnUnannouncedYearSaysSo() {
        Deadline inYear = calendar.deadline(d("2026-09-28"), 20);
        assertThat(inYear).isEqualTo(new Deadline(d("2026-09-28"), 20, d("2026-10-30"), true));

        // Tue 12/15: 12/16-18 (3), 12/21-25 (8), 12/28-31 (12);
        // 2027 by weekdays only: 1/1 (13), 1/4-8 (18), 1/11, 1/12.
        Deadline intoNextYear = calendar.deadline(d("2026-12-15"), 20);
        assertThat(intoNextYear.dueOn()).isEqualTo(d("2027-01-12"));
        assertThat(intoNextYear.covered()).isFalse();
    }

    @Test
    void daysOfAYearInDateOrder() {
        List<CalendarDay> year = calendar.daysOf(2026);
        assertThat(year).hasSize(39);
        assertThat(year.get(0)).isEqualTo(new CalendarDay(d("2026-01-01"), CalendarDay.Kind.OFF, "元旦"));
        assertThat(year).contains(new CalendarDay(d("2026-02-14"), CalendarDay.Kind.WORK, "春节"));
        assertThat(year).extracting(CalendarDay::day).isSorted();
        assertThat(calendar.daysOf(2027)).isEmpty();
    }

    @Test
    void kindsCarryTheirChineseNames() {
        assertThat(CalendarDay.Kind.OFF.label()).isEqualTo("放假");
        assertThat(CalendarDay.Kind.WORK.label()).isEqualTo("调休上班");
    }

    @Test
    void anAmendedSnapshotLeavesTheOriginalAsItWas() {
        CalendarSnapshot amended = calendar.with(new CalendarDay(d("2026-10-09"), CalendarDay.Kind.OFF, "国庆节"))
                .without(d("2026-10-10"));
        assertThat(amended.isWorkingDay(d("2026-10-09"))).isFalse();
        assertThat(amended.isWorkingDay(d("2026-10-10"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2026-10-09"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2026-10-10"))).isTrue();
    }
}
