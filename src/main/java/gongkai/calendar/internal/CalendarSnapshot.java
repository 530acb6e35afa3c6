package gongkai.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import gongkai.calendar.CalendarDay;
import gongkai.calendar.Deadline;

/**
 * An immutable copy of the calendar table with the counting rules. It is built once from the table (or, in tests,
 * from the reference file) and replaced as a whole after an amendment, so counting never reads the database and any
 * number of threads may read it at once.
 */
public final class CalendarSnapshot {

    private final NavigableMap<LocalDate, CalendarDay> days;
    private final Set<Integer> coveredYears;
    private final boolean countFirstDay;

    /**
     * @param days          the special days; at most one per date
     * @param countFirstDay whether the day a period begins on counts as its first day when it is a working day (see
     *                      {@link gongkai.calendar.WorkingDayCalendar})
     */
    public CalendarSnapshot(Collection<CalendarDay> days, boolean countFirstDay) {
        TreeMap<LocalDate, CalendarDay> byDate = new TreeMap<>();
        for (CalendarDay day : days) {
            if (byDate.put(day.day(), day) != null) {
                throw new IllegalArgumentException("Two entries for " + day.day());
            }
        }
        this.days = Collections.unmodifiableNavigableMap(byDate);
        this.coveredYears = byDate.keySet().stream().map(LocalDate::getYear).collect(Collectors.toUnmodifiableSet());
        this.countFirstDay = countFirstDay;
    }

    public boolean countFirstDay() {
        return countFirstDay;
    }

    /** This snapshot with the day set (added or replaced). */
    public CalendarSnapshot with(CalendarDay day) {
        TreeMap<LocalDate, CalendarDay> changed = new TreeMap<>(days);
        changed.put(day.day(), day);
        return new CalendarSnapshot(changed.values(), countFirstDay);
    }

    /** This snapshot without an entry for the date. */
    public CalendarSnapshot without(LocalDate date) {
        TreeMap<LocalDate, CalendarDay> changed = new TreeMap<>(days);
        changed.remove(date);
        return new CalendarSnapshot(changed.values(), countFirstDay);
    }

    public Optional<CalendarDay> find(LocalDate date) {
        return Optional.ofNullable(days.get(date));
    }

    public boolean isWorkingDay(LocalDate date) {
        CalendarDay special = days.get(Objects.requireNonNull(date, "date"));
        if (special != null) {
            return special.kind() == CalendarDay.Kind.WORK;
        }
        return isMondayToFriday(date);
    }

    public static boolean isMondayToFriday(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    public LocalDate plusWorkingDays(LocalDate start, int n) {
        Objects.requireNonNull(start, "start");
        if (n < 0) {
            throw new IllegalArgumentException("A period cannot have a negative number of working days: " + n);
        }
        if (n == 0) {
            return start;
        }
        int counted = countFirstDay && isWorkingDay(start) ? 1 : 0;
        LocalDate day = start;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    public Deadline deadline(LocalDate from, int workingDays) {
        LocalDate dueOn = plusWorkingDays(from, workingDays);
        return new Deadline(from, workingDays, dueOn, covers(from, dueOn));
    }

    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        Objects.requireNonNull(fromExclusive, "fromExclusive");
        Objects.requireNonNull(toInclusive, "toInclusive");
        if (toInclusive.isBefore(fromExclusive)) {
            throw new IllegalArgumentException(toInclusive + " is before " + fromExclusive);
        }
        int count = 0;
        for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** The n-th working day after {@code date}, which never counts itself (a period's due date counts from its end). */
    public LocalDate nthWorkingDayAfter(LocalDate date, int n) {
        Objects.requireNonNull(date, "date");
        if (n < 1) {
            throw new IllegalArgumentException("Working days after a date are numbered from 1, not " + n);
        }
        int counted = 0;
        LocalDate day = date;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    public LocalDate nthWorkingDayOfMonth(YearMonth month, int n) {
        Objects.requireNonNull(month, "month");
        if (n < 1) {
            throw new IllegalArgumentException("Working days of a month are numbered from 1, not " + n);
        }
        int counted = 0;
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            if (isWorkingDay(day) && ++counted == n) {
                return day;
            }
        }
        throw new IllegalArgumentException(month + " has only " + counted + " working days, not " + n);
    }

    public boolean covers(int year) {
        return coveredYears.contains(year);
    }

    /** Whether every year from the one of {@code from} to the one of {@code to} is covered, in either order. */
    public boolean covers(LocalDate from, LocalDate to) {
        int first = Math.min(from.getYear(), to.getYear());
        int last = Math.max(from.getYear(), to.getYear());
        for (int year = first; year <= last; year++) {
            if (!covers(year)) {
                return false;
            }
        }
        return true;
    }

    public List<CalendarDay> daysOf(int year) {
        return List.copyOf(days.subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true).values());
    }

    public int size() {
        return days.size();
    }
}
