package gongkai.search.internal;

import java.util.Arrays;

/**
 * Writes Chinese numerals as Arabic digits where the reading is certain, so that 二十个工作日 and 20个工作日, 二〇二五年 and
 * 2025年 index and query alike. Applied on both sides: in the analyzers (index and query) and to the words typed.
 * <ul>
 * <li>digit by digit, a run of four digits or one with 〇/零: 二〇二五 → 2025, 一九九八 → 1998;</li>
 * <li>a run with 十, 百 or 千 that reads as one number: 二十 → 20, 十五 → 15, 一百二十 → 120, 三千 → 3000.</li>
 * </ul>
 * A numeral alone (一, 三) is left as it is: whether 一 is a number (一年) or part of a word (统一, 一站式) depends on
 * the characters around it, and the words typed have none. Runs that do not read as one number (十四五, 十一五, 五一) are
 * left alone too, and so is 万/亿, which texts write after digits anyway (5万元).
 */
public final class ChineseNumerals {

    private static final String DIGITS = "〇零一二三四五六七八九";
    private static final String UNITS = "十百千";

    private ChineseNumerals() {
    }

    /** A text with its numerals converted, and for every character of it the span of the original it stands for. */
    public record Converted(String text, int[] origin, int[] originEnd) {

        public boolean changed(String original) {
            return !text.equals(original);
        }
    }

    public static String normalise(String text) {
        return convert(text).text();
    }

    public static Converted convert(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int[] origin = new int[text.length() + 1];
        int[] originEnd = new int[text.length() + 1];
        int i = 0;
        while (i < text.length()) {
            if (!isNumeral(text.charAt(i))) {
                origin[out.length()] = i;
                originEnd[out.length()] = i + 1;
                out.append(text.charAt(i));
                i++;
                continue;
            }
            int j = i;
            while (j < text.length() && isNumeral(text.charAt(j))) {
                j++;
            }
            String run = text.substring(i, j);
            String digits = value(run);
            String written = digits == null ? run : digits;
            for (int k = 0; k < written.length(); k++) {
                // a converted run is never longer than the run (二十 → 20, 一百二十 → 120, 三千 → 3000)
                origin[out.length()] = digits == null ? i + k : i;
                originEnd[out.length()] = digits == null ? i + k + 1 : j;
                out.append(written.charAt(k));
            }
            i = j;
        }
        return new Converted(out.toString(), Arrays.copyOf(origin, out.length()), Arrays.copyOf(originEnd,
                out.length()));
    }

    /**
     * The number a word begins with when it is a single numeral before a unit of time (七月 → 7, 八日 → 8, 三天 → 3):
     * alone, a numeral is left as written ({@link #convert}), but a word that says a date or a span is searched in
     * both forms. Null otherwise.
     */
    public static String leadingNumber(String word) {
        if (word.length() != 2 || "年月日号天周岁".indexOf(word.charAt(1)) < 0) {
            return null;
        }
        char c = word.charAt(0);
        int d = "一二三四五六七八九十".indexOf(c);
        if (c == '两') {
            d = 1;
        }
        return d < 0 ? null : Integer.toString(d + 1);
    }

    private static boolean isNumeral(char c) {
        return DIGITS.indexOf(c) >= 0 || UNITS.indexOf(c) >= 0;
    }

    /** The run as Arabic digits, or null when it is not certainly one number. */
    static String value(String run) {
        if (run.length() < 2) {
            return null;
        }
        boolean positional = run.chars().anyMatch(c -> UNITS.indexOf(c) >= 0);
        if (!positional) {
            boolean zero = run.indexOf('〇') >= 0 || run.indexOf('零') >= 0;
            if (!zero && run.length() != 4) {
                return null;
            }
            StringBuilder digits = new StringBuilder(run.length());
            run.chars().forEach(c -> digits.append(digit((char) c)));
            return digits.toString();
        }
        return positional(run);
    }

    /** 二十 → 20, 十五 → 15, 三百零五 → 305, 一千二百 → 1200; null when the run does not read as one number. */
    private static String positional(String run) {
        long value = 0;
        int pending = -1;
        int lastUnit = Integer.MAX_VALUE;
        boolean zeroSeen = false;
        for (int k = 0; k < run.length(); k++) {
            char c = run.charAt(k);
            int unitIndex = UNITS.indexOf(c);
            if (unitIndex < 0) {
                int d = digit(c);
                if (d == 0) {
                    if (zeroSeen || k == 0 || pending >= 0) {
                        return null;
                    }
                    zeroSeen = true;
                    continue;
                }
                if (pending >= 0) {
                    return null; // two digits in a row (十一五): not one number
                }
                pending = d;
                continue;
            }
            int unit = unitIndex == 0 ? 10 : unitIndex == 1 ? 100 : 1000;
            if (unit >= lastUnit) {
                return null;
            }
            if (pending < 0) {
                if (k != 0 || unit != 10) {
                    return null; // only 十 may stand without its digit, and only first (十五)
                }
                pending = 1;
            }
            value += (long) pending * unit;
            lastUnit = unit;
            pending = -1;
            zeroSeen = false;
        }
        if (pending >= 0) {
            if (lastUnit > 10 && !zeroSeen) {
                return null; // 一百五 is said for 150 as well as written for 105: leave it
            }
            value += pending;
        }
        return Long.toString(value);
    }

    private static int digit(char c) {
        int d = DIGITS.indexOf(c);
        return d <= 1 ? 0 : d - 1;
    }
}
