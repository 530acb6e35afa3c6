package gongkai.assessment;

import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import gongkai.calendar.WorkingDayCalendar;
import gongkai.catalog.PublicationSchedule;
import gongkai.catalog.ReportingPeriod;

/**
 * When a scheduled item's information for a period must be out: on the Nth working day after the period ends, the
 * first working day after it being day 1 (API.md, obligations) — so monthly:10 for September 2026 falls on 20 October,
 * the National Day break and its 调休 Saturday counted as they were worked. A dated yearly schedule falls on its date
 * of the next year, or the first working day after it.
 */
@Component
public class DueDates {

    private final WorkingDayCalendar calendar;

    private final boolean rollOverRestDays;

    DueDates(WorkingDayCalendar calendar,
            @Value("${gongkai.deadlines.dated-roll-to-working-day:true}") boolean rollOverRestDays) {
        this.calendar = calendar;
        this.rollOverRestDays = rollOverRestDays;
    }

    /**
     * A date a statute names, moved to the next working day when it falls on a rest day (民法典 第二百零三条 counts a
     * time limit this way; that it applies to 条例 第四十九条 is UNCONFIRMED, see the README) — so 31 January 2026, a
     * Saturday, becomes Monday 2 February. {@code gongkai.deadlines.dated-roll-to-working-day=false} keeps the date.
     */
    public LocalDate onOrAfterRestDays(LocalDate date) {
        return !rollOverRestDays || calendar.isWorkingDay(date) ? date : calendar.nthWorkingDayAfter(date, 1);
    }

    /**
     * @throws IllegalArgumentException when the period does not fit the schedule (a quarter for a monthly item) or
     *                                  the schedule is an event's, with a message for the clerk
     */
    public LocalDate dueOn(PublicationSchedule schedule, ReportingPeriod period) {
        period.requireFits(schedule);
        if (schedule.dated()) {
            return onOrAfterRestDays(schedule.by().atYear(period.year() + 1));
        }
        return calendar.nthWorkingDayAfter(period.lastDay(), schedule.days());
    }
}
