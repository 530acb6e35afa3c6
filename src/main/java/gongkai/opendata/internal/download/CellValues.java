package gongkai.opendata.internal.download;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * How a published value reads as a typed value: numbers of numeric columns (thousands separators allowed, as the
 * entry check allows them in amounts) and dates of date columns. A value that does not read stays text.
 */
final class CellValues {

    /** A plain decimal with an optional minus; '+' is not taken, so "+1" stays (neutralised) text. */
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,30}(\\.\\d{1,15})?");
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d{1,15})?");
    private static final Pattern SLASHED_DATE = Pattern.compile("(\\d{4})[/年.](\\d{1,2})[/月.](\\d{1,2})日?");

    private CellValues() {
    }

    /** The number the value writes, or null when it is not one. */
    static BigDecimal number(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (NUMBER.matcher(v).matches()) {
            return new BigDecimal(v);
        }
        if (GROUPED.matcher(v).matches()) {
            return new BigDecimal(v.replace(",", ""));
        }
        return null;
    }

    /** The date the value writes (ISO, or 2026/7/1, 2026年7月1日, 2026.7.1), or null when it is not one. */
    static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10 && v.charAt(4) == '-') {
                return LocalDate.parse(v);
            }
            var m = SLASHED_DATE.matcher(v);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }
}
