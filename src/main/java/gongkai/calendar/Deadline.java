package gongkai.calendar;

import java.time.LocalDate;

/**
 * 期限: the last day of a period of working days.
 *
 * @param from        the day the period begins (the day of receipt, or the day the information is formed)
 * @param workingDays the length of the period in working days
 * @param dueOn       the last day of the period
 * @param covered     whether the holiday notices of every year from {@code from} to {@code dueOn} are on record;
 *                    when false the due date assumes an ordinary Monday-to-Friday week in the missing years and may
 *                    move once the notice is published, so whoever shows it must say so
 */
public record Deadline(LocalDate from, int workingDays, LocalDate dueOn, boolean covered) {
}
