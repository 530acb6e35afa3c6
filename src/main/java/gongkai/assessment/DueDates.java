package gongkai.assessment;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import gongkai.calendar.WorkingDayCalendar;
import gongkai.catalog.PublicationSchedule;
import gongkai.catalog.ReportingPeriod;

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
        period.requireFits(schedule);
        return calendar.nthWorkingDayAfter(period.lastDay(), schedule.days());
    }
}
