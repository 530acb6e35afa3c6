package gongkai.privacy.internal;

/**
 * Folds full-width forms (１３９, ＡＢＣ, ＠, the ideographic space) into their ASCII twins, one character for one, so
 * that a number typed with a Chinese input method is found like any other and offsets stay those of the original.
 */
public final class HalfWidth {

    private static final char FULL_WIDTH_FIRST = '\uFF01';
    private static final char FULL_WIDTH_LAST = '\uFF5E';
    private static final char IDEOGRAPHIC_SPACE = '\u3000';

    private HalfWidth() {
    }

    public static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST) {
                chars[i] = (char) (c - FULL_WIDTH_FIRST + '!');
            } else if (c == IDEOGRAPHIC_SPACE) {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }

    /** The ASCII digits of a value, after folding; separators and everything else dropped. */
    public static String digits(String value) {
        String folded = fold(value);
        StringBuilder digits = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }
}
