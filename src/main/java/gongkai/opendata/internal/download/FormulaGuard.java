package gongkai.opendata.internal.download;

/**
 * The one rule against CSV and spreadsheet formula injection (OWASP "CSV Injection"), used by the CSV and the XLSX
 * writer alike: a text value that starts with {@code = + - @}, a tab or a carriage return gets a leading apostrophe,
 * so that a spreadsheet shows it as text instead of evaluating it. Numbers of numeric columns never reach it (a
 * negative amount stays a number).
 *
 * <p>The fullwidth forms {@code ＝ ＋ － ＠} (U+FF1D, U+FF0B, U+FF0D, U+FF20) are neutralised too: a Chinese input method
 * types them, and spreadsheets used here (WPS, Excel with an East Asian input mode) may fold them to their ASCII
 * forms on entry or on a re-save; a leading fullwidth operator is rare enough in published text that the apostrophe
 * costs little.
 */
public final class FormulaGuard {

    private FormulaGuard() {
    }

    /** Whether a spreadsheet could take the text for a formula. */
    public static boolean risky(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
            default -> false;
        };
    }

    /** The text as a spreadsheet may safely show it: with a leading apostrophe when it is risky. */
    public static String neutralise(String value) {
        return risky(value) ? "'" + value : value;
    }
}
