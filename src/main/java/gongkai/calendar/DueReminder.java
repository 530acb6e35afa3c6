package gongkai.calendar;

import java.time.LocalDate;

/**
 * 到期提醒: what the daily check calls for on a running deadline — the rule the information requests' clock keeping
 * set (a reminder a few working days before the due date, once per due date; an overdue mark once, the day after it),
 * shared by every module that keeps such a deadline (requests, complaints), so that they remind alike.
 */
public enum DueReminder {
    /** Nothing to do today. */
    NONE,
    /** The due date is near: remind the handling organisation (once per due date). */
    REMIND,
    /** The due date has passed without an answer: mark it overdue (once). */
    OVERDUE;

    /**
     * Working days from {@code today} to {@code due}: 0 on the due date, negative after it, counted as the calendar
     * counts any period.
     */
    public static int workingDaysLeft(WorkingDayCalendar calendar, LocalDate today, LocalDate due) {
        return today.isAfter(due) ? -calendar.workingDaysBetween(due, today) : calendar.workingDaysBetween(today, due);
    }

    /**
     * What today calls for.
     *
     * @param left          {@link #workingDaysLeft} today
     * @param due           the due date
     * @param remindedFor   the due date the last reminder was for, or null
     * @param overdueMarked whether the deadline was already marked overdue
     * @param reminderDays  how many working days before the due date the reminder goes out
     */
    public static DueReminder today(int left, LocalDate due, LocalDate remindedFor, boolean overdueMarked,
            int reminderDays) {
        if (left < 0) {
            return overdueMarked ? NONE : OVERDUE;
        }
        return left <= reminderDays && !due.equals(remindedFor) ? REMIND : NONE;
    }
}
