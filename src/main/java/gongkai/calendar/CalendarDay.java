package gongkai.calendar;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * A day the State Council's holiday notice sets apart from the ordinary Monday-to-Friday week: a day off (放假) or an
 * adjusted working day (调休上班).
 *
 * @param holiday the festival the arrangement belongs to, e.g. 国庆节 (an adjusted working day carries the name of
 *                the holiday it makes up for)
 */
public record CalendarDay(LocalDate day, Kind kind, String holiday) {

    /** The longest holiday name the table holds. */
    public static final int MAX_HOLIDAY_LENGTH = 40;

    public CalendarDay {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(holiday, "holiday");
    }

    /** What the notice makes of the day, with the Chinese name shown on pages. */
    public enum Kind {
        /** 放假: no work, even on a Monday to Friday. */
        OFF("放假"),
        /** 调休上班: a Saturday or Sunday worked in exchange for a day off. */
        WORK("调休上班");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The kind named in holidays-cn.csv ({@code off} or {@code work}). */
        public static Kind fromReference(String type) {
            return switch (type.strip().toLowerCase(Locale.ROOT)) {
                case "off" -> OFF;
                case "work" -> WORK;
                default -> throw new IllegalArgumentException("type must be off or work, found '" + type + "'");
            };
        }
    }
}
