package gongkai.notify.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds XHTML from a template whose placeholders are {@code {{name}}}. Text values are escaped, so what an editor
 * typed prints literally; only values wrapped in {@link Markup} go in as they are.
 */
public final class Xhtml {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z]+)}}");

    /** Markup this code built itself from escaped parts. */
    public record Markup(String xhtml) {
    }

    private Xhtml() {
    }

    /**
     * Escapes text for element content and quoted attribute values, and drops what XML 1.0 cannot hold at all
     * (control characters other than tab and line breaks, unpaired surrogates, U+FFFE and U+FFFF).
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (allowedInXml(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean allowedInXml(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c > 0xDFFF && c < 0xFFFE);
    }

    /**
     * Replaces every placeholder in one pass, so a value that itself looks like a placeholder stays text. A
     * {@link String} value is escaped, a {@link Markup} value is inserted as it is; a placeholder without a value
     * is a programming error.
     */
    public static String fill(String template, Map<String, ?> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() * 2);
        while (m.find()) {
            String name = m.group(1);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("No value for placeholder {{" + name + "}}");
            }
            Object value = values.get(name);
            String xhtml = value instanceof Markup markup ? markup.xhtml() : escape(String.valueOf(value));
            m.appendReplacement(out, Matcher.quoteReplacement(xhtml));
        }
        m.appendTail(out);
        return out.toString();
    }
}
