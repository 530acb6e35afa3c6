package gongkai.search.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import gongkai.shared.UnsafeCharacters;

/**
 * Marks the words a visitor typed in a hit's title and picks the best sentences of its text, on the stored text of
 * the page's hits. Words are found after the same folding as the index (full-width, case, Traditional→Simplified),
 * so "社會救助" marks "社会救助" and the reverse, while the marks sit on the text as published.
 *
 * <p>Done here rather than by the engine's highlighter: the main query finds vocabulary words as single terms,
 * which a highlighter on the bigram fields would not see; asking the engine a second time cost a third of a search.
 */
public final class Highlights {

    /**
     * The private marks around a found word; the caller escapes the text and turns them into HTML. Unicode's
     * noncharacters, meant for a program's internal use: input holding them is refused ({@link UnsafeCharacters}),
     * and they are stripped from the stored text (which may predate that check) before marking, so that only the
     * marks set here become highlights.
     */
    public static final char START = '\uFFFE';
    public static final char END = '\uFFFF';
    static final int FRAGMENT_LENGTH = 100;
    static final int NO_MATCH_LENGTH = 80;
    private static final int FRAGMENTS = 2;

    private final List<String> words;

    private Highlights(List<String> words) {
        this.words = words;
    }

    /** For the words of a query: one Chinese character alone is not marked (it would be marked everywhere). */
    public static Highlights of(QueryTerms terms) {
        return new Highlights(java.util.stream.Stream.concat(terms.terms().stream(),
                terms.words().stream().map(Lexicon.Word::text)).filter(t -> !QueryTerms.isSingleCjk(t))
                .map(Lexicon::fold).filter(w -> !w.isEmpty()).distinct().toList());
    }

    /** The title with every found word marked. */
    public String title(String title) {
        String text = title == null ? "" : UnsafeCharacters.strip(title);
        return mark(text, matches(text), 0, text.length());
    }

    /**
     * Up to two sentences of the text with the most different words found, in the order of the text, each cut to
     * about {@value #FRAGMENT_LENGTH} characters around its first mark; without any, the text's beginning.
     */
    public List<String> fragments(String stored) {
        String text = stored == null ? "" : UnsafeCharacters.strip(stored);
        if (text.isBlank()) {
            return List.of();
        }
        List<Match> matches = matches(text);
        List<Sentence> sentences = new ArrayList<>();
        int start = 0;
        int m = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isSentenceEnd(text.charAt(i)) || i == text.length() - 1) {
                int end = i + 1;
                long seen = 0;
                int count = 0;
                int first = -1;
                for (; m < matches.size() && matches.get(m).start() < end; m++) {
                    Match match = matches.get(m);
                    seen |= 1L << Math.min(63, match.word());
                    count++;
                    first = first < 0 ? match.start() : first;
                }
                if (count > 0) {
                    sentences.add(new Sentence(start, end, Long.bitCount(seen), count, first));
                }
                start = end;
            }
        }
        if (sentences.isEmpty()) {
            String head = text.strip();
            return List.of(head.length() > NO_MATCH_LENGTH ? head.substring(0, NO_MATCH_LENGTH) + "…" : head);
        }
        return sentences.stream()
                .sorted(Comparator.comparingInt(Sentence::distinct).thenComparingInt(Sentence::count).reversed()
                        .thenComparingInt(Sentence::start))
                .limit(FRAGMENTS).sorted(Comparator.comparingInt(Sentence::start))
                .map(s -> cut(text, matches, s)).toList();
    }

    private static boolean isSentenceEnd(char c) {
        return c == '。' || c == '！' || c == '？' || c == '；' || c == '!' || c == '?' || c == ';' || c == '\n';
    }

    /** A found word: where it stands in the original text, and which of the query's words it is. */
    private record Match(int start, int end, int word) {
    }

    private record Sentence(int start, int end, int distinct, int count, int firstMatch) {
    }

    /** Every place a word is found, in the order of the text (one pass per word over the folded text). */
    private List<Match> matches(String text) {
        Folded folded = Folded.of(text);
        List<Match> found = new ArrayList<>();
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            for (int at = folded.text.indexOf(word); at >= 0; at = folded.text.indexOf(word, at + 1)) {
                found.add(new Match(folded.origin[at], folded.originEnd[at + word.length() - 1], w));
            }
        }
        found.sort(Comparator.comparingInt(Match::start));
        return found;
    }

    private String cut(String text, List<Match> matches, Sentence s) {
        int from = s.start();
        int to = s.end();
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        if (to - from > FRAGMENT_LENGTH) {
            from = Math.max(from, Math.min(s.firstMatch() - FRAGMENT_LENGTH / 4, to - FRAGMENT_LENGTH));
            to = Math.min(to, from + FRAGMENT_LENGTH);
        }
        String marked = mark(text, matches, from, to);
        return (from > s.start() ? "…" : "") + marked.strip() + (to < s.end() ? "…" : "");
    }

    /** The original text between from and to with the found words wrapped in the private marks. */
    private static String mark(String text, List<Match> matches, int from, int to) {
        boolean[] marked = new boolean[to - from];
        for (Match m : matches) {
            for (int i = Math.max(m.start(), from); i < Math.min(m.end(), to); i++) {
                marked[i - from] = true;
            }
        }
        StringBuilder out = new StringBuilder(to - from + 16);
        for (int i = from; i < to; i++) {
            boolean on = marked[i - from];
            if (on && (i == from || !marked[i - from - 1])) {
                out.append(START);
            }
            out.append(text.charAt(i));
            if (on && (i == to - 1 || !marked[i - from + 1])) {
                out.append(END);
            }
        }
        return out.toString();
    }

    /** A text folded as the index folds it, remembering where each folded character came from. */
    private static final class Folded {
        /** Folding of each BMP character, filled as characters are met (a race only computes one twice). */
        private static final String[] TABLE = new String[Character.MAX_VALUE + 1];

        final String text;
        final int[] origin;
        final int[] originEnd;

        private Folded(String text, int[] origin, int[] originEnd) {
            this.text = text;
            this.origin = origin;
            this.originEnd = originEnd;
        }

        static Folded of(String original) {
            StringBuilder folded = new StringBuilder(original.length());
            int[] origin = new int[original.length() + 16];
            int[] originEnd = new int[origin.length];
            for (int i = 0; i < original.length(); ) {
                int cp = original.codePointAt(i);
                int next = i + Character.charCount(cp);
                String f = fold(cp);
                for (int k = 0; k < f.length(); k++) {
                    if (folded.length() == origin.length) {
                        origin = Arrays.copyOf(origin, origin.length * 2);
                        originEnd = Arrays.copyOf(originEnd, originEnd.length * 2);
                    }
                    origin[folded.length()] = i;
                    originEnd[folded.length()] = next;
                    folded.append(f.charAt(k));
                }
                i = next;
            }
            // Numerals as the index writes them (二十 → 20), each digit pointing at the whole numeral it came from.
            ChineseNumerals.Converted numerals = ChineseNumerals.convert(folded.toString());
            if (!numerals.changed(folded.toString())) {
                return new Folded(folded.toString(), origin, originEnd);
            }
            int[] o = new int[numerals.text().length()];
            int[] e = new int[o.length];
            for (int k = 0; k < o.length; k++) {
                o[k] = origin[numerals.origin()[k]];
                e[k] = originEnd[numerals.originEnd()[k] - 1];
            }
            return new Folded(numerals.text(), o, e);
        }

        private static String fold(int cp) {
            if (cp > Character.MAX_VALUE) {
                return Vocabulary.fold(new String(Character.toChars(cp)));
            }
            String f = TABLE[cp];
            if (f == null) {
                f = Vocabulary.fold(String.valueOf((char) cp));
                TABLE[cp] = f;
            }
            return f;
        }
    }
}
