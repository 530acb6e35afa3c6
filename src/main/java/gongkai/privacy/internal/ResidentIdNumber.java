package gongkai.privacy.internal;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * 公民身份号码 (GB 11643-1999): a 6-digit address code, the 8-digit birth date, a 3-digit sequence and a check
 * character computed with ISO 7064 MOD 11-2.
 */
public final class ResidentIdNumber {

    public static final int LENGTH = 18;
    /** A birth year before 1900 is an example or a mistake, not a living person. */
    static final int EARLIEST_BIRTH_YEAR = 1900;
    /** The standard's own worked example was born in 1880. */
    static final int EARLIEST_RESEMBLING_YEAR = 1800;

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    private ResidentIdNumber() {
    }

    /**
     * A real ID number: 17 digits and a digit or X, an address code whose province digit is 1–8, a birth date that is
     * a real day from 1900 to today, and the right check character.
     */
    public static boolean isValid(String value, LocalDate today) {
        return hasForm(value, EARLIEST_BIRTH_YEAR, today)
                && Character.toUpperCase(value.charAt(LENGTH - 1)) == checkCharacter(value);
    }

    /**
     * Whether 18 characters look like an ID number, right or wrong: its form with a birth date from 1800 on and any
     * check character. Such a number is never taken for anything else, such as a bank card.
     */
    public static boolean resembles(String value, LocalDate today) {
        return hasForm(value, EARLIEST_RESEMBLING_YEAR, today);
    }

    private static boolean hasForm(String value, int earliestYear, LocalDate today) {
        if (value.length() != LENGTH || value.charAt(0) < '1' || value.charAt(0) > '8') {
            return false;
        }
        for (int i = 0; i < LENGTH - 1; i++) {
            if (!isDigit(value.charAt(i))) {
                return false;
            }
        }
        char last = value.charAt(LENGTH - 1);
        return (isDigit(last) || last == 'X' || last == 'x') && hasBirthDate(value, earliestYear, today);
    }

    /** The check character of the first 17 digits. */
    static char checkCharacter(String value) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (value.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static boolean hasBirthDate(String value, int earliestYear, LocalDate today) {
        int year = Integer.parseInt(value, 6, 10, 10);
        int month = Integer.parseInt(value, 10, 12, 10);
        int day = Integer.parseInt(value, 12, 14, 10);
        if (year < earliestYear) {
            return false;
        }
        try {
            return !LocalDate.of(year, month, day).isAfter(today);
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
