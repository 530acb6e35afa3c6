package gongkai.calendar.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gongkai.calendar.CalendarDay;
import gongkai.shared.ReferenceFiles;

/**
 * Reads {@code holidays-cn.csv} (columns {@code date,type,holiday}; type {@code off} or {@code work}). The file is
 * taken whole or not at all: every bad line is reported, by its line number, in one exception.
 */
public final class HolidayFile {

    public static final String NAME = "holidays-cn.csv";

    private HolidayFile() {
    }

    /**
     * The days of the file.
     *
     * @throws IllegalStateException naming the file and each malformed line
     */
    public static List<CalendarDay> read(ReferenceFiles files) {
        List<CalendarDay> days = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<LocalDate, Integer> lineOf = new HashMap<>();
        for (ReferenceFiles.Row row : files.readCsv(NAME)) {
            try {
                CalendarDay day = parse(row);
                Integer earlier = lineOf.putIfAbsent(day.day(), row.line());
                if (earlier != null) {
                    throw new IllegalArgumentException(day.day() + " is already given on line " + earlier);
                }
                days.add(day);
            } catch (IllegalArgumentException e) {
                errors.add("line " + row.line() + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("Malformed holiday file " + files.describe(NAME) + ":\n  "
                    + String.join("\n  ", errors));
        }
        return days;
    }

    private static CalendarDay parse(ReferenceFiles.Row row) {
        LocalDate date;
        try {
            date = LocalDate.parse(row.get("date"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("date must be yyyy-MM-dd, found '" + row.get("date") + "'");
        }
        CalendarDay.Kind kind = CalendarDay.Kind.fromReference(row.get("type"));
        String holiday = row.get("holiday");
        if (holiday.isEmpty() || holiday.length() > CalendarDay.MAX_HOLIDAY_LENGTH) {
            throw new IllegalArgumentException("holiday must have 1 to " + CalendarDay.MAX_HOLIDAY_LENGTH
                    + " characters, found '" + holiday + "'");
        }
        return new CalendarDay(date, kind, holiday);
    }
}
