package gongkai.calendar.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gongkai.calendar.CalendarDay;
import gongkai.calendar.Deadline;
import gongkai.calendar.WorkingDayCalendar;
import gongkai.shared.InvalidInputProblem;

/** The working-day calendar as JSON: a year's special days, and the due date of a period. */
@RestController
@RequestMapping("/api/v1/calendar")
public class CalendarController {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2100;
    static final int MAX_WORKING_DAYS = 1000;

    private final WorkingDayCalendar calendar;

    public CalendarController(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    /** One day of the year's list, with the Chinese name of its kind. */
    public record DayView(LocalDate day, CalendarDay.Kind kind, String label, String holiday) {
        static DayView of(CalendarDay d) {
            return new DayView(d.day(), d.kind(), d.kind().label(), d.holiday());
        }
    }

    /** @param covered whether the year's holiday notice is on record */
    public record YearView(int year, boolean covered, List<DayView> days) {
    }

    @GetMapping("/{year}")
    public YearView year(@PathVariable("year") String year) {
        int y = parseYear(year);
        return new YearView(y, calendar.covers(y), calendar.daysOf(y).stream().map(DayView::of).toList());
    }

    @GetMapping("/deadline")
    public Deadline deadline(@RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "workingDays", required = false) String workingDays) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate start = parseDate(from, errors);
        Integer days = parseWorkingDays(workingDays, errors);
        if (!errors.isEmpty()) {
            throw InvalidInputProblem.of(errors);
        }
        return calendar.deadline(start, days);
    }

    private static int parseYear(String text) {
        return integer(text).filter(CalendarController::inRange).orElseThrow(() -> new InvalidInputProblem("year",
                "年份应为" + FIRST_YEAR + "至" + LAST_YEAR + "之间的四位数字，例如2026。"));
    }

    private static LocalDate parseDate(String text, Map<String, String> errors) {
        Optional<LocalDate> date = date(text).filter(d -> inRange(d.getYear()));
        if (date.isEmpty()) {
            errors.put("from", "起算日期应为“年-月-日”格式的日期，例如2026-09-28，年份在" + FIRST_YEAR + "至" + LAST_YEAR
                    + "之间。");
        }
        return date.orElse(null);
    }

    private static Integer parseWorkingDays(String text, Map<String, String> errors) {
        Optional<Integer> days = integer(text).filter(n -> n >= 0 && n <= MAX_WORKING_DAYS);
        if (days.isEmpty()) {
            errors.put("workingDays", "工作日数应为0至" + MAX_WORKING_DAYS + "之间的整数。");
        }
        return days.orElse(null);
    }

    private static boolean inRange(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    private static Optional<Integer> integer(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
