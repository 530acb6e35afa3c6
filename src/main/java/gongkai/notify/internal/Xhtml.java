package gongkai.notify.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gongkai.shared.UnsafeCharacters;

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
     * ({@link UnsafeCharacters}: records stored before input was checked may hold it).
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        String safe = UnsafeCharacters.strip(text);
        StringBuilder out = new StringBuilder(safe.length() + 16);
        for (int i = 0; i < safe.length(); i++) {
            char c = safe.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
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
