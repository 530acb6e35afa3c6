package gongkai.catalog;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/**
 * The period a scheduled record covers: a month ({@code 2026-10}), a quarter ({@code 2026-Q3}) or a year
 * ({@code 2026}), as records state it and API.md writes it.
 */
public record ReportingPeriod(Kind kind, int year, int number) {

    public enum Kind { MONTH, QUARTER, YEAR }

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    public ReportingPeriod {
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("期间的年份应在2000至2100之间，而不是" + year);
        }
        int most = kind == Kind.MONTH ? 12 : kind == Kind.QUARTER ? 4 : 1;
        if (number < 1 || number > most) {
            throw new IllegalArgumentException("期间“" + year + "年第" + number + (kind == Kind.MONTH ? "月" : "季度")
                    + "”不存在");
        }
    }

    public static ReportingPeriod month(int year, int month) {
        return new ReportingPeriod(Kind.MONTH, year, month);
    }

    public static ReportingPeriod quarter(int year, int quarter) {
        return new ReportingPeriod(Kind.QUARTER, year, quarter);
    }

    public static ReportingPeriod year(int year) {
        return new ReportingPeriod(Kind.YEAR, year, 1);
    }

    /** Reads 2026-10, 2026-Q3 or 2026; anything else is refused with a message naming the forms. */
    public static ReportingPeriod parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = MONTH.matcher(t);
        if (m.matches()) {
            return month(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = QUARTER.matcher(t);
        if (m.matches()) {
            return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = YEAR.matcher(t);
        if (m.matches()) {
            return year(Integer.parseInt(m.group(1)));
        }
        throw new IllegalArgumentException("期间应写作 2026-10（月）、2026-Q3（季度）或 2026（年），而不是“" + t + "”");
    }

    /** The kind of period a schedule reports by; null for an event schedule, which has none. */
    public static Kind of(PublicationSchedule schedule) {
        return switch (schedule.kind()) {
            case MONTHLY -> Kind.MONTH;
            case QUARTERLY -> Kind.QUARTER;
            case YEARLY -> Kind.YEAR;
            case EVENT -> null;
        };
    }

    /**
     * Checks that this period is one the schedule reports by (a month for a monthly item, and so on).
     *
     * @throws IllegalArgumentException for an event schedule, which has no periods, or a period of another kind, with
     *                                  a message for the clerk naming the form expected
     */
    public ReportingPeriod requireFits(PublicationSchedule schedule) {
        Kind expected = of(schedule);
        if (expected == null) {
            throw new IllegalArgumentException("该事项" + schedule.describe() + "，按事件公开，没有固定期间，不填写期间");
        }
        if (kind != expected) {
            throw new IllegalArgumentException("该事项" + schedule.describe() + "，期间应写作" + example(expected)
                    + "，而不是“" + this + "”");
        }
        return this;
    }

    /** How the form of a kind of period is explained to a clerk. */
    public static String example(Kind kind) {
        return switch (kind) {
            case MONTH -> "2026-10 这样的年月";
            case QUARTER -> "2026-Q3 这样的季度";
            case YEAR -> "2026 这样的年份";
        };
    }

    public LocalDate firstDay() {
        return switch (kind) {
            case MONTH -> LocalDate.of(year, number, 1);
            case QUARTER -> LocalDate.of(year, (number - 1) * 3 + 1, 1);
            case YEAR -> LocalDate.of(year, 1, 1);
        };
    }

    public LocalDate lastDay() {
        return switch (kind) {
            case MONTH -> YearMonth.of(year, number).atEndOfMonth();
            case QUARTER -> YearMonth.of(year, number * 3).atEndOfMonth();
            case YEAR -> LocalDate.of(year, 12, 31);
        };
    }

    public ReportingPeriod next() {
        return switch (kind) {
            case MONTH -> number == 12 ? month(year + 1, 1) : month(year, number + 1);
            case QUARTER -> number == 4 ? quarter(year + 1, 1) : quarter(year, number + 1);
            case YEAR -> year(year + 1);
        };
    }

    /** How a resident reads it: 2026年10月, 2026年第三季度, 2026年. */
    public String describe() {
        return switch (kind) {
            case MONTH -> year + "年" + number + "月";
            case QUARTER -> year + "年第" + "一二三四".charAt(number - 1) + "季度";
            case YEAR -> year + "年";
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case MONTH -> String.format("%d-%02d", year, number);
            case QUARTER -> year + "-Q" + number;
            case YEAR -> String.valueOf(year);
        };
    }
}
