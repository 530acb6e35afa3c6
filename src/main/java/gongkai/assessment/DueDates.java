package gongkai.assessment;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import gongkai.calendar.WorkingDayCalendar;
import gongkai.catalog.PublicationSchedule;

/**
 * When a scheduled item's information for a period must be out: on the Nth working day after the period ends, the
 * first working day after it being day 1 (API.md, obligations) — so monthly:10 for September 2026 falls on 20 October,
 * the National Day break and its 调休 Saturday counted as they were worked.
 */
@Component
public class DueDates {

    private final WorkingDayCalendar calendar;

    DueDates(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * @throws IllegalArgumentException when the period does not fit the schedule (a quarter for a monthly item) or
     *                                  the schedule is an event's, with a message for the clerk
     */
    public LocalDate dueOn(PublicationSchedule schedule, ReportingPeriod period) {
        ReportingPeriod.Kind expected = ReportingPeriod.of(schedule);
        if (expected == null) {
            throw new IllegalArgumentException("“" + schedule.describe() + "”的事项按事件公开，没有固定期间");
        }
        if (period.kind() != expected) {
            throw new IllegalArgumentException("该事项" + schedule.describe() + "，期间应写作" + example(expected)
                    + "，而不是“" + period + "”");
        }
        return calendar.nthWorkingDayAfter(period.lastDay(), schedule.days());
    }

    private static String example(ReportingPeriod.Kind kind) {
        return switch (kind) {
            case MONTH -> "2026-10 这样的年月";
            case QUARTER -> "2026-Q3 这样的季度";
            case YEAR -> "2026 这样的年份";
        };
    }
}
