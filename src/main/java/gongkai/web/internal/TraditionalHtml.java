package gongkai.web.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rendered page in Traditional script: the text a reader sees, and nothing a program reads. Converted are text
 * between tags and the attributes shown to people ({@code title}, {@code alt}, {@code placeholder},
 * {@code aria-label}, {@code data-label} of table cards, the {@code value} of submit and button inputs). Left as they
 * are: tag and attribute names, every other attribute (href, src, id, class, form values), scripts, styles,
 * comments, the text of a {@code <textarea>} (it is sent back as entered), and any element marked
 * {@code translate="no"} (the 简体 link of the script switch). An {@code <option>} without a value would send its
 * text, so it gets its Simplified text as value before its text is converted.
 */
final class TraditionalHtml {

    private static final Set<String> SHOWN = Set.of("title", "alt", "placeholder", "aria-label", "data-label");
    private static final Set<String> RAW = Set.of("script", "style", "textarea");
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "source", "track", "wbr");
    private static final Pattern ATTRIBUTE = Pattern
            .compile("([^\\s\"'>/=]+)(?:(\\s*=\\s*)(\"[^\"]*\"|'[^']*'|[^\\s>]+))?");
    private static final Pattern NOT_TRANSLATED = Pattern.compile("\\stranslate\\s*=\\s*[\"']?no\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BUTTON_INPUT = Pattern.compile("\\stype\\s*=\\s*[\"']?(submit|button|reset)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HAS_VALUE = Pattern.compile("\\svalue\\s*=", Pattern.CASE_INSENSITIVE);

    private TraditionalHtml() {
    }

    static String of(String html) {
        if (!TraditionalScript.hasHan(html)) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length() + 64);
        int i = 0;
        int n = html.length();
        // While inside an element marked translate="no": its name and how deep its own kind is nested.
        String keepTag = null;
        int keepDepth = 0;
        while (i < n) {
            int lt = html.indexOf('<', i);
            int textEnd = lt < 0 ? n : lt;
            if (textEnd > i) {
                String text = html.substring(i, textEnd);
                out.append(keepTag == null ? TraditionalScript.of(text) : text);
                i = textEnd;
                continue;
            }
            if (html.startsWith("<!--", i)) {
                int end = html.indexOf("-->", i + 4);
                i = end < 0 ? n : end + 3;
                out.append(html, lt, i);
                continue;
            }
            if (!opensTag(html, i)) {
                // A doctype, or a '<' that opens nothing: copied up to the next '>' or as a lone character.
                int end = html.startsWith("<!", i) ? html.indexOf('>', i) : -1;
                int next = end < 0 ? i + 1 : end + 1;
                out.append(html, i, next);
                i = next;
                continue;
            }
            int end = tagEnd(html, i);
            String tag = html.substring(i, end);
            i = end;
            boolean closing = tag.startsWith("</");
            String name = name(tag, closing ? 2 : 1);
            if (keepTag != null) {
                out.append(tag);
                if (name.equals(keepTag)) {
                    keepDepth += closing ? -1 : selfClosing(tag) ? 0 : 1;
                    keepTag = keepDepth == 0 ? null : keepTag;
                }
                continue;
            }
            if (closing) {
                out.append(tag);
                continue;
            }
            if (!VOID.contains(name) && !selfClosing(tag) && NOT_TRANSLATED.matcher(tag).find()) {
                keepTag = name;
                keepDepth = 1;
                out.append(tag);
                continue;
            }
            out.append(name.equals("option") ? option(tag, html, i) : attributes(tag, name));
            if (RAW.contains(name)) {
                int close = html.toLowerCase(Locale.ROOT).indexOf("</" + name, i);
                close = close < 0 ? n : close;
                out.append(html, i, close);
                i = close;
            }
        }
        return out.toString();
    }

    /** Whether the '<' at {@code i} opens a start or end tag. */
    private static boolean opensTag(String html, int i) {
        int j = i + 1 < html.length() && html.charAt(i + 1) == '/' ? i + 2 : i + 1;
        return j < html.length() && (html.charAt(j) >= 'a' && html.charAt(j) <= 'z'
                || html.charAt(j) >= 'A' && html.charAt(j) <= 'Z');
    }

    /** Where the tag starting at {@code start} ends (after its '>'), stepping over quoted attribute values. */
    private static int tagEnd(String html, int start) {
        char quote = 0;
        for (int j = start + 1; j < html.length(); j++) {
            char c = html.charAt(j);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return j + 1;
            }
        }
        return html.length();
    }

    /** The lower-case element name of a tag. */
    private static String name(String tag, int from) {
        int j = from;
        while (j < tag.length() && (Character.isLetterOrDigit(tag.charAt(j)) || tag.charAt(j) == '-')) {
            j++;
        }
        return tag.substring(from, j).toLowerCase(Locale.ROOT);
    }

    private static boolean selfClosing(String tag) {
        return tag.endsWith("/>");
    }

    /** The start tag with the attributes people read converted. */
    private static String attributes(String tag, String name) {
        if (!TraditionalScript.hasHan(tag)) {
            return tag;
        }
        boolean shownValue = name.equals("input") && BUTTON_INPUT.matcher(tag).find();
        Matcher m = ATTRIBUTE.matcher(tag);
        StringBuilder out = new StringBuilder(tag.length());
        int from = 1 + name.length();
        out.append(tag, 0, from);
        while (m.find(from)) {
            String attribute = m.group(1).toLowerCase(Locale.ROOT);
            boolean shown = SHOWN.contains(attribute) || shownValue && attribute.equals("value");
            out.append(tag, from, m.start());
            if (shown && m.group(3) != null) {
                out.append(m.group(1)).append(m.group(2)).append(TraditionalScript.of(m.group(3)));
            } else {
                out.append(m.group());
            }
            from = m.end();
            if (m.end() == m.start()) {
                break;
            }
        }
        return out.append(tag, from, tag.length()).toString();
    }

    /** An option's tag; one without a value keeps sending its Simplified text. */
    private static String option(String tag, String html, int textStart) {
        String converted = attributes(tag, "option");
        if (HAS_VALUE.matcher(tag).find()) {
            return converted;
        }
        int lt = html.indexOf('<', textStart);
        String text = html.substring(textStart, lt < 0 ? html.length() : lt);
        if (!TraditionalScript.hasHan(text)) {
            return converted;
        }
        int close = converted.endsWith("/>") ? converted.length() - 2 : converted.length() - 1;
        return converted.substring(0, close) + " value=\"" + text.strip().replace("\"", "&quot;") + "\""
                + converted.substring(close);
    }
}
