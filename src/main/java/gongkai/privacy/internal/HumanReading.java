package gongkai.privacy.internal;

import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * A text as a person reads it, so that personal data hidden from the plain scan is seen: markup dropped (tags
 * removed, character references decoded), format characters (zero-width space and joiners, soft hyphen, BOM, bidi
 * marks) and combining marks removed, every character in NFKC form and every decimal digit as an ASCII digit. Each
 * character of a reading remembers the span of the original it comes from, so a match in the reading is a span of
 * the original.
 *
 * <p>Markup is read the way a browser shows it: inline elements ({@code <b>}, {@code <span>}, {@code <a>},
 * {@code <img>}…) vanish and join what stands on either side; a block element or {@code <br>} is a line break; a table
 * cell or a rule separates for good (the figures of two cells are two figures). The human-readable attributes —
 * {@code alt}, {@code title}, {@code aria-label}, {@code href} — are readings of their own.
 */
final class HumanReading {

    /** What stands for a table cell boundary or a rule: no digit can be joined across it. */
    static final char BOUNDARY = '\uFFFC';

    private static final Pattern TAG = Pattern.compile(
            "<(/?)([A-Za-z][A-Za-z0-9]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([A-Za-z_:][-A-Za-z0-9_:.]*)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+))");
    private static final Pattern REFERENCE = Pattern.compile(
            "&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");

    /**
     * How far a tag or comment may reach: longer is text, so that a stray {@code <} in a long extracted text
     * cannot make every later one scan to the end.
     */
    private static final int LONGEST_TAG = 4096;

    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data",
            "del", "dfn", "em", "font", "i", "img", "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small",
            "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr");
    private static final Set<String> BREAKING = Set.of("address", "article", "blockquote", "br", "center", "dd",
            "div", "dl", "dt", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "li", "ol", "p", "pre",
            "section", "ul");
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "param", "source", "track", "wbr");
    private static final Set<String> READ_ATTRIBUTES = Set.of("alt", "title", "aria-label", "href");

    /**
     * One reading.
     *
     * @param text the text as read
     * @param from for each character of {@code text}, the offset of the first original character it comes from
     * @param to   for each character of {@code text}, the offset just past the last original character it comes from
     */
    record Segment(String text, int[] from, int[] to) {

        /** The original span of the characters {@code start} (inclusive) to {@code end} (exclusive) of the reading. */
        int originStart(int start) {
            return from[start];
        }

        int originEnd(int end) {
            return to[end - 1];
        }
    }

    private HumanReading() {
    }

    /** The reading of the text and of each human-readable attribute value in it. */
    static List<Segment> of(String original) {
        List<Segment> segments = new ArrayList<>();
        segments.add(read(original, 0, original.length(), true, segments));
        return segments;
    }

    /**
     * Whether the span {@code from..to} of the original may be replaced as a whole: it holds no markup, or only whole
     * elements ({@code 1101<b></b>05…}), so that replacing it cannot leave an element open or close one it did not
     * open.
     */
    static boolean isWhole(String s, int from, int to) {
        Matcher tag = TAG.matcher(s).region(from, to);
        Deque<String> open = new ArrayDeque<>();
        while (tag.find()) {
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            if (!tag.group(1).isEmpty()) {
                if (open.isEmpty() || !open.pop().equals(name)) {
                    return false;
                }
            } else if (!VOID.contains(name) && !tag.group(3).endsWith("/")) {
                open.push(name);
            }
        }
        return open.isEmpty();
    }

    private static Segment read(String s, int start, int end, boolean markup, List<Segment> attributes) {
        Builder out = new Builder(end - start);
        Matcher tag = TAG.matcher(s);
        Matcher comment = COMMENT.matcher(s);
        Matcher reference = REFERENCE.matcher(s);
        int i = start;
        while (i < end) {
            char c = s.charAt(i);
            if (markup && c == '<') {
                int reach = (int) Math.min(end, (long) i + LONGEST_TAG);
                if (comment.region(i, reach).lookingAt()) {
                    i = comment.end();
                    continue;
                }
                if (tag.region(i, reach).lookingAt()) {
                    element(s, tag, out, attributes);
                    i = tag.end();
                    continue;
                }
            }
            if (c == '&' && reference.region(i, end).lookingAt()) {
                String decoded = HtmlUtils.htmlUnescape(reference.group());
                if (!decoded.equals(reference.group())) {
                    int begin = i;
                    int finish = reference.end();
                    decoded.codePoints().forEach(cp -> character(cp, begin, finish, out));
                    i = finish;
                    continue;
                }
            }
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            character(cp, i, next, out);
            i = next;
        }
        return out.build();
    }

    private static void element(String s, Matcher tag, Builder out, List<Segment> attributes) {
        String name = tag.group(2).toLowerCase(Locale.ROOT);
        if (BREAKING.contains(name)) {
            out.lineBreak(tag.start(), tag.end());
        } else if (!INLINE.contains(name)) {
            out.add(BOUNDARY, tag.start(), tag.end());
        }
        Matcher a = ATTRIBUTE.matcher(s).region(tag.start(3), tag.end(3));
        while (a.find()) {
            if (READ_ATTRIBUTES.contains(a.group(1).toLowerCase(Locale.ROOT))) {
                int group = a.group(2) != null ? 2 : a.group(3) != null ? 3 : 4;
                attributes.add(read(s, a.start(group), a.end(group), false, attributes));
            }
        }
    }

    /** One character of the original (or of a decoded reference) spanning {@code from..to}. */
    private static void character(int cp, int from, int to, Builder out) {
        if (cp < 0x80) {
            if (cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C) {
                out.add('\n', from, to);
            } else if (cp == '\t') {
                out.add(' ', from, to);
            } else if (cp >= 0x20 && cp != 0x7F) {
                out.add((char) cp, from, to);
            }
            return;
        }
        if (cp >= 0x4E00 && cp <= 0x9FFF) {
            out.add((char) cp, from, to);
            return;
        }
        switch (Character.getType(cp)) {
            case Character.FORMAT, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.CONTROL -> {
                if (cp == 0x85) {
                    out.add('\n', from, to);
                }
                return;
            }
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> {
                out.add('\n', from, to);
                return;
            }
            case Character.DECIMAL_DIGIT_NUMBER -> {
                out.add((char) ('0' + Character.digit(cp, 10)), from, to);
                return;
            }
            default -> {
            }
        }
        if (isBlankFiller(cp)) {
            out.add(' ', from, to);
            return;
        }
        String folded = nfkc(cp);
        if (folded == null) {
            if (Character.isBmpCodePoint(cp)) {
                out.add((char) cp, from, to);
            } else {
                out.add(Character.highSurrogate(cp), from, to);
                out.add(Character.lowSurrogate(cp), from, to);
            }
        } else {
            folded.codePoints().forEach(x -> character(x, from, to, out));
        }
    }

    /**
     * The NFKC form of one character, or null when it is its own: remembered for the Basic Multilingual Plane, where
     * Chinese punctuation (，。〔〕) would otherwise be normalised afresh at every occurrence.
     */
    private static String nfkc(int cp) {
        if (!Character.isBmpCodePoint(cp)) {
            return fold(cp);
        }
        String known = NFKC_BMP[cp];
        if (known == null) {
            String folded = fold(cp);
            known = folded == null ? SELF : folded;
            NFKC_BMP[cp] = known;
        }
        return known == SELF ? null : known;
    }

    private static String fold(int cp) {
        String original = new String(Character.toChars(cp));
        String folded = Normalizer.normalize(original, Normalizer.Form.NFKC);
        return folded.equals(original) ? null : folded;
    }

    /** Filled as characters are met; a race only computes the same value twice. */
    private static final String[] NFKC_BMP = new String[Character.MAX_VALUE + 1];
    /** Marks a character that is its own NFKC form (compared by identity). */
    private static final String SELF = new String("self");

    /** Letters that show as nothing (Hangul fillers, the blank Braille pattern): read as a space. */
    private static boolean isBlankFiller(int cp) {
        return cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x2800;
    }

    private static final class Builder {
        private final StringBuilder text;
        private int[] from;
        private int[] to;

        Builder(int capacity) {
            text = new StringBuilder(capacity);
            from = new int[Math.max(16, capacity)];
            to = new int[from.length];
        }

        void add(char c, int start, int end) {
            int n = text.length();
            if (n == from.length) {
                from = Arrays.copyOf(from, n * 2);
                to = Arrays.copyOf(to, n * 2);
            }
            text.append(c);
            from[n] = start;
            to[n] = end;
        }

        /** Adjacent block tags ({@code </p><p>}) make one line break, as on the page. */
        void lineBreak(int start, int end) {
            int n = text.length();
            if (n > 0 && text.charAt(n - 1) == '\n' && to[n - 1] == start) {
                to[n - 1] = end;
            } else {
                add('\n', start, end);
            }
        }

        Segment build() {
            int n = text.length();
            return new Segment(text.toString(), Arrays.copyOf(from, n), Arrays.copyOf(to, n));
        }
    }
}
