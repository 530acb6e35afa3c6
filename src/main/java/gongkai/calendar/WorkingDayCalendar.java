package gongkai.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.calendar.internal.CalendarDayEntity;
import gongkai.calendar.internal.CalendarDayRepository;
import gongkai.calendar.internal.CalendarProperties;
import gongkai.calendar.internal.CalendarSnapshot;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.AfterCommit;
import gongkai.shared.Actor;
import gongkai.shared.AuditedChange;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.Role;

/**
 * 工作日历: the one place in the platform that counts working days. A date is a working day when it is a Monday to
 * Friday that is not a day off (放假), or when it is an adjusted working day (调休上班).
 *
 * <p>Periods are counted the way Chinese law counts them: the day a period begins on (the day a request is received,
 * the day information is formed) is not counted, so its first counted day is the next working day. Whether the
 * disclosure rules (国办公开办函〔2015〕207号) count it is not confirmed, so the property
 * {@code gongkai.calendar.count-first-day} (default {@code false}) makes the day a period begins on count as its first
 * day when that day is a working day.
 *
 * <p>Holiday data exists only for the years whose notice has been published. In a year that is not
 * {@link #covers(int) covered} every Monday to Friday counts as a working day; a caller showing a date in such a year
 * must say that it may move (see {@link Deadline#covered()}).
 *
 * <p>Counting reads an immutable copy of the table, replaced after each amendment; it never reads the database.
 */
@Service
public class WorkingDayCalendar {

    private final CalendarDayRepository repository;
    private final ApplicationEventPublisher events;
    private final boolean countFirstDay;
    private volatile CalendarSnapshot snapshot;

    WorkingDayCalendar(CalendarDayRepository repository, ApplicationEventPublisher events,
            CalendarProperties properties) {
        this.repository = repository;
        this.events = events;
        this.countFirstDay = properties.countFirstDay();
    }

    public boolean isWorkingDay(LocalDate date) {
        return snapshot().isWorkingDay(date);
    }

    /**
     * The last day of a period of {@code n} working days that begins on {@code start}: the n-th working day after
     * {@code start}; with {@code count-first-day} the start itself is day 1 when it is a working day. A period of
     * 0 days ends on {@code start}.
     *
     * @throws IllegalArgumentException when n is negative
     */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        return snapshot().plusWorkingDays(start, n);
    }

    /** {@link #plusWorkingDays} with whether the result rests on published holiday notices only. */
    public Deadline deadline(LocalDate from, int workingDays) {
        return snapshot().deadline(from, workingDays);
    }

    /**
     * How many working days lie after {@code fromExclusive} up to and including {@code toInclusive}; 0 when both
     * are the same day. This is a plain count and does not depend on {@code count-first-day}: without it,
     * {@code workingDaysBetween(s, plusWorkingDays(s, n)) == n}.
     *
     * @throws IllegalArgumentException when {@code toInclusive} is before {@code fromExclusive}
     */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        return snapshot().workingDaysBetween(fromExclusive, toInclusive);
    }

    /**
     * The n-th working day of the month, counting from 1 (for schedules like "by the 10th working day of the next
     * month").
     *
     * @throws IllegalArgumentException when n is below 1 or the month has fewer working days
     */
    public LocalDate nthWorkingDayOfMonth(YearMonth month, int n) {
        return snapshot().nthWorkingDayOfMonth(month, n);
    }

    /**
     * The n-th working day after {@code date}, the date itself never counted whatever {@code count-first-day} says:
     * the first working day after a reporting period is day 1 of its due date (API.md, obligations).
     *
     * @throws IllegalArgumentException when n is below 1
     */
    public LocalDate nthWorkingDayAfter(LocalDate date, int n) {
        return snapshot().nthWorkingDayAfter(date, n);
    }

    /** Whether the holidays of the year are on record (a year counts once any of its days is). */
    public boolean covers(int year) {
        return snapshot().covers(year);
    }

    /**
     * Whether every year from {@code from} to {@code to} is covered. A notice has moved days at the end of the year
     * before it (the 2019 notice set 2018-12-29 to 12-31), so a date late in December is safe only once the next
     * year's notice is out.
     */
    public boolean covers(LocalDate from, LocalDate to) {
        return snapshot().covers(from, to);
    }

    /** The year's days off and adjusted working days, by date. */
    public List<CalendarDay> daysOf(int year) {
        return snapshot().daysOf(year);
    }

    /**
     * Sets a day off or an adjusted working day (the city office's admin only), replacing what the date had.
     *
     * @throws AccessDeniedProblem  unless the actor is an admin of the city office
     * @throws InvalidInputProblem  for a missing date, kind or holiday name, or an adjusted working day on a Monday
     *                              to Friday
     */
    @Transactional
    public CalendarDay setDay(LocalDate date, CalendarDay.Kind kind, String holiday) {
        requireCityAdmin();
        requireDate(date);
        if (kind == null) {
            throw new InvalidInputProblem("kind", "请选择放假或调休上班。");
        }
        if (holiday == null || holiday.isBlank()) {
            throw new InvalidInputProblem("holiday", "请填写所属节日，例如“国庆节”。");
        }
        String name = holiday.strip();
        if (name.length() > CalendarDay.MAX_HOLIDAY_LENGTH) {
            throw new InvalidInputProblem("holiday", "节日名称不能超过" + CalendarDay.MAX_HOLIDAY_LENGTH + "个字。");
        }
        if (kind == CalendarDay.Kind.WORK && CalendarSnapshot.isMondayToFriday(date)) {
            throw new InvalidInputProblem("kind", date + "是" + date.getDayOfWeek().getDisplayName(TextStyle.FULL,
                    Locale.CHINA) + "，本来就是工作日，不能设为调休上班；如要取消放假，请清除该日的安排。");
        }
        CalendarDay day = new CalendarDay(date, kind, name);
        Optional<CalendarDayEntity> existing = repository.findById(date);
        String before = describe(date, existing.map(CalendarDayEntity::toCalendarDay));
        if (existing.isPresent()) {
            if (existing.get().toCalendarDay().equals(day)) {
                return day;
            }
            existing.get().change(kind, name);
        } else {
            repository.save(new CalendarDayEntity(day));
        }
        events.publishEvent(new AuditedChange("calendar.set", "calendar-day", date.toString(),
                date + "：" + before + " → " + describe(date, Optional.of(day))));
        afterCommit(() -> change(s -> s.with(day)));
        return day;
    }

    /**
     * Removes the date's entry (the city office's admin only), so that it is an ordinary weekday or weekend day
     * again. The removal survives restarts: the loader only imports years the table has no day of.
     *
     * @throws AccessDeniedProblem unless the actor is an admin of the city office
     * @throws NotFoundProblem     when the date has no entry
     */
    @Transactional
    public void clearDay(LocalDate date) {
        requireCityAdmin();
        requireDate(date);
        CalendarDayEntity entity = repository.findById(date)
                .orElseThrow(() -> new NotFoundProblem(date + "没有放假或调休上班的安排，无需清除。"));
        String before = describe(date, Optional.of(entity.toCalendarDay()));
        repository.delete(entity);
        events.publishEvent(new AuditedChange("calendar.clear", "calendar-day", date.toString(),
                date + "：" + before + " → " + describe(date, Optional.empty())));
        afterCommit(() -> change(s -> s.without(date)));
    }

    /**
     * Reads the table again. The loader calls it after the start-up import; the schedule keeps every node of a
     * cluster in step with amendments made on another node.
     */
    @Scheduled(initialDelay = 10, fixedDelay = 10, timeUnit = TimeUnit.MINUTES)
    public synchronized void reload() {
        snapshot = read();
    }

    private CalendarSnapshot snapshot() {
        CalendarSnapshot current = snapshot;
        if (current == null) {
            synchronized (this) {
                if (snapshot == null) {
                    snapshot = read();
                }
                current = snapshot;
            }
        }
        return current;
    }

    /** Amendments and reloads take turns, so that none of them is lost. */
    private synchronized void change(UnaryOperator<CalendarSnapshot> amendment) {
        snapshot = amendment.apply(snapshot());
    }

    private CalendarSnapshot read() {
        return new CalendarSnapshot(repository.findAll().stream().map(CalendarDayEntity::toCalendarDay).toList(),
                countFirstDay);
    }

    /** The snapshot changes only once the amendment is committed, so a rolled-back change is never counted. */
    private static void afterCommit(Runnable action) {
        AfterCommit.run(action);
    }

    private static String describe(LocalDate date, Optional<CalendarDay> entry) {
        return entry.map(d -> d.kind().label() + "（" + d.holiday() + "）")
                .orElse(CalendarSnapshot.isMondayToFriday(date) ? "工作日" : "休息日");
    }

    private static void requireDate(LocalDate date) {
        if (date == null) {
            throw new InvalidInputProblem("day", "请填写日期。");
        }
    }

    private static void requireCityAdmin() {
        Actor actor = Actor.require();
        if (!actor.cityWide() || !actor.has(Role.ADMIN)) {
            throw new AccessDeniedProblem("只有市政府办公室的管理员可以修改工作日历。");
        }
    }
}
