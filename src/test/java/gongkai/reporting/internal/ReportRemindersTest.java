package gongkai.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import gongkai.reporting.AnnualReports;
import gongkai.reporting.ReportEntry;
import gongkai.shared.Actor;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.MovableClock;
import gongkai.support.PlatformTest;

/**
 * The January reminders over the real holiday file: a body whose report for 2023 and one whose report for 2024 are
 * unpublished are reminded on working days only — the worked Sunday before the 2025 Spring Festival included, none of
 * its days off — with the working days left, and told they are late the day after the due date moved past the break.
 */
@PlatformTest
@Import(MovableClock.Config.class)
class ReportRemindersTest {

    @Autowired
    ReportReminders reminders;
    @Autowired
    AnnualReports reports;
    @Autowired
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private List<ReportReminders.Reminder> on(String date, String org) {
        LocalDate day = LocalDate.parse(date);
        clock.setDate(day);
        return reminders.remind(day).stream().filter(r -> r.org().equals(org)).toList();
    }

    @Test
    void remindedOnWorkingDaysAcrossTheSpringFestivalThenLate() {
        String org = "ycsyjj";
        clock.setDate(LocalDate.of(2025, 1, 3));
        Actor editor = Acting.actor(org, Role.EDITOR);
        Acting.as(editor, () -> reports.save(org, 2024, new ReportEntry(Map.of("OVERVIEW", "总体情况。"), null, null,
                null), editor));

        // Friday 24 January 2025: due Wednesday 5 February (31 January is in the break) — 3 working days left
        // (Sunday 26 and Monday 27 January, then 5 February itself).
        List<ReportReminders.Reminder> friday = on("2025-01-24", org);
        assertThat(friday).singleElement().satisfies(r -> assertThat(r.message())
                .startsWith("宜春市应急管理局2024年政府信息公开工作年度报告尚未发布，发布期限为2025-02-05（还有3个工作日）。")
                .contains("请填写“五、存在的主要问题及改进情况”。"));
        // The same day again: already reminded.
        assertThat(on("2025-01-24", org)).isEmpty();
        // Saturday 25 January is a rest day; Sunday 26 January is worked.
        assertThat(on("2025-01-25", org)).isEmpty();
        assertThat(on("2025-01-26", org)).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("还有2个工作日"));
        // The break: no reminders.
        for (String day : List.of("2025-01-28", "2025-01-31", "2025-02-03", "2025-02-04")) {
            assertThat(on(day, org)).as(day).isEmpty();
        }
        assertThat(on("2025-02-05", org)).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("发布期限为2025-02-05（今天）"));
        assertThat(on("2025-02-06", org)).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("已超过发布期限2025-02-05，逾期1个工作日"));
        assertThat(reports.years(org)).filteredOn(y -> y.year() == 2024).singleElement()
                .satisfies(y -> assertThat(y.missing()).isTrue());
        assertThat(reminders.latest(org)).singleElement()
                .satisfies(r -> assertThat(r.on()).isEqualTo(LocalDate.of(2025, 2, 6)));
    }

    @Test
    void aLevelReportIsDueOnTheLastDayOfMarchMovedPastAWeekend() {
        String org = "fxxzf";
        clock.setDate(LocalDate.of(2024, 1, 8));
        Actor editor = Acting.actor(org, Role.EDITOR);
        Acting.as(editor, () -> reports.save(org, 2023, new ReportEntry(Map.of("OVERVIEW", "总体情况。"), null, null,
                null), editor));
        // 31 March 2024 was a Sunday: due Monday 1 April; on Friday 29 March one working day is left.
        assertThat(on("2024-03-29", org)).singleElement().satisfies(r -> assertThat(r.message())
                .startsWith("奉新县人民政府2023年政府信息公开工作年度报告尚未发布，发布期限为2024-04-01（还有1个工作日）。"));
        assertThat(on("2024-03-31", org)).isEmpty();
        assertThat(on("2024-04-02", org)).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("逾期1个工作日"));
    }
}
