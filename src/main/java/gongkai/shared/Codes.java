package gongkai.shared;

import java.util.Locale;

/** The codes of enumerations as they arrive from outside (forms, JSON, YAML): case and surrounding spaces ignored. */
public final class Codes {

    private Codes() {
    }

    /** The constant the code names, or null when the code is blank or names none (the caller says what is wrong). */
    public static <E extends Enum<E>> E parse(Class<E> type, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
