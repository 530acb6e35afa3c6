package gongkai.environment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;

/**
 * How often an outlet's self-monitoring result is due (监测频次): one result a day, a month or a quarter. A period's
 * result is due a configurable number of days after the period ends.
 */
public enum MonitoringFrequency {
    DAILY("每日"),
    MONTHLY("每月"),
    QUARTERLY("每季度");

    private final String label;

    MonitoringFrequency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** One monitoring period: its first and last day (China dates) and its name as pages write it. */
    public record Period(LocalDate first, LocalDate last, String label) {
    }

    /** The period the day falls in. */
    public Period periodOf(LocalDate day) {
        switch (this) {
            case DAILY:
                return new Period(day, day, day.toString());
            case MONTHLY: {
                YearMonth m = YearMonth.from(day);
                return new Period(m.atDay(1), m.atEndOfMonth(), m.getYear() + "年" + m.getMonthValue() + "月");
            }
            default: {
                int q = day.get(IsoFields.QUARTER_OF_YEAR);
                LocalDate first = LocalDate.of(day.getYear(), (q - 1) * 3 + 1, 1);
                return new Period(first, first.plusMonths(3).minusDays(1), day.getYear() + "年第" + q + "季度");
            }
        }
    }

    /** The period after the given one. */
    public Period next(Period period) {
        return periodOf(period.last().plusDays(1));
    }

    /** By its Chinese name or its constant; null when neither. */
    public static MonitoringFrequency parse(String text) {
        String t = text == null ? "" : text.strip();
        for (MonitoringFrequency f : values()) {
            if (f.label.equals(t) || f.name().equalsIgnoreCase(t)) {
                return f;
            }
        }
        return null;
    }
}
