package gongkai.shared;

/**
 * The characters no text of the platform may hold: C0 control characters other than tab, line feed and carriage
 * return, unpaired surrogates, and the noncharacters U+FFFE and U+FFFF. XML 1.0 cannot carry any of them (the Atom
 * feed, the XHTML behind the PDFs), PostgreSQL refuses NUL in text, and the search highlighter uses two of them as
 * its private marks. Every input is refused when it holds one ({@link #complaint}); every writer of XML strips them
 * from what was stored before that check existed ({@link #strip}).
 */
public final class UnsafeCharacters {

    private UnsafeCharacters() {
    }

    /** Where the first unsafe character of the text stands (in UTF-16 units), or -1 when there is none. */
    public static int find(CharSequence text) {
        if (text == null) {
            return -1;
        }
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (safeAlone(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }

    /** Whether the UTF-16 unit is safe on its own: anything but a surrogate and the characters refused above. */
    private static boolean safeAlone(char c) {
        return c >= 0x20 && c < 0xD800 || c == '\t' || c == '\n' || c == '\r' || c > 0xDFFF && c < 0xFFFE;
    }

    /** Whether the text holds no unsafe character. */
    public static boolean none(CharSequence text) {
        return find(text) < 0;
    }

    /** The text without its unsafe characters; the same instance when it has none. */
    public static String strip(String text) {
        int first = find(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, first);
        for (int i = first + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (safeAlone(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The complaint about a field whose value holds an unsafe character, in the words a person can act on: which
     * field, which character (as U+XXXX, since it cannot be shown) and where; null when the value is fine.
     */
    public static InvalidInputProblem.FieldError complaint(String field, CharSequence value) {
        int at = find(value);
        if (at < 0) {
            return null;
        }
        char c = value.charAt(at);
        String what = Character.isSurrogate(c) ? "不成对的代理字符" : c < 0x20 ? "控制字符" : "非字符";
        int position = Character.codePointCount(value, 0, at) + 1;
        return new InvalidInputProblem.FieldError(field, String.format(
                "“%s”第%d个字符是%s U+%04X，无法保存或显示，请删除后重新提交。", field, position, what, (int) c));
    }
}
