package gongkai.search.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names a query may contain: bodies (with their usual short forms) and catalogue items, each leading to its code;
 * and, with the search vocabulary, the words a query typed without spaces is cut into. Folded like the index
 * ({@link Vocabulary#fold}, then {@link ChineseNumerals}). Immutable; rebuilt when names change.
 */
public final class Lexicon {

    public enum Kind { ORG, ITEM }

    /** A body or catalogue item a word names. */
    public record Name(Kind kind, String code, String label) {
    }

    /**
     * A query word, the bodies or items it names (empty for an ordinary word), and the number it begins with when
     * that is a single Chinese numeral before a unit of time (七月 → 7, 八日 → 8), which texts write in digits; else
     * null.
     */
    public record Word(String text, List<Name> names, String number) {

        public Word(String text, List<Name> names) {
            this(text, names, ChineseNumerals.leadingNumber(text));
        }
    }

    private static final int LONGEST_WORD = 24;

    private final Map<String, List<Name>> byWord;
    private final Map<Integer, Map<String, List<String>>> byMask = new HashMap<>();
    /** Each name's character pairs: of its name and its other forms, and of what it is about. */
    private final Map<Name, Set<String>> about = new LinkedHashMap<>();

    private Lexicon(Map<String, List<Name>> byWord, Map<Name, String> aboutText) {
        this.byWord = byWord;
        for (String word : wordsForSpelling()) {
            for (int i = 0; i < word.length(); i++) {
                byMask.computeIfAbsent(word.length(), k -> new HashMap<>())
                        .computeIfAbsent(mask(word, i), k -> new ArrayList<>()).add(word);
            }
        }
        byWord.forEach((word, names) -> names.forEach(n -> about.computeIfAbsent(n, k -> new LinkedHashSet<>())
                .addAll(pairs(word))));
        aboutText.forEach((n, text) -> about.computeIfAbsent(n, k -> new LinkedHashSet<>()).addAll(pairs(fold(text))));
    }

    public static Lexicon empty() {
        return new Builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Folds a word as the index does. */
    public static String fold(String text) {
        return ChineseNumerals.normalise(Vocabulary.fold(text));
    }

    /** A name folded and without spaces or punctuation, as its key: 救助对象认定、救助标准 → 救助对象认定救助标准. */
    static String key(String text) {
        StringBuilder key = new StringBuilder();
        fold(text).codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString();
    }

    /** The bodies and items the (folded) word names. */
    public List<Name> named(String foldedWord) {
        return byWord.getOrDefault(key(foldedWord), List.of());
    }

    public boolean isWord(String folded) {
        return byWord.containsKey(folded) || Vocabulary.get().contains(folded);
    }

    /**
     * Cuts a folded run of Chinese characters into words: at each place the longest known word (a name or a word of
     * the vocabulary); what no known word covers is left for smartcn. Returns the pieces in order, each marked known
     * or not.
     */
    List<Piece> cut(String run) {
        List<Piece> pieces = new ArrayList<>();
        int gapStart = 0;
        int i = 0;
        while (i < run.length()) {
            int longest = 0;
            for (int end = Math.min(run.length(), i + LONGEST_WORD); end >= i + 2; end--) {
                if (isWord(run.substring(i, end))) {
                    longest = end - i;
                    break;
                }
            }
            if (longest == 0) {
                i++;
                continue;
            }
            if (gapStart < i) {
                pieces.add(new Piece(run.substring(gapStart, i), false));
            }
            pieces.add(new Piece(run.substring(i, i + longest), true));
            i += longest;
            gapStart = i;
        }
        if (gapStart < run.length()) {
            pieces.add(new Piece(run.substring(gapStart), false));
        }
        return pieces;
    }

    record Piece(String text, boolean known) {
    }

    /**
     * Known words that differ from a stretch of the (folded) text in one character, each as the text with that stretch
     * replaced: 最底生活保障 → 最低生活保障, 底保 → 低保. The likely typo of one character: a character that sounds the
     * same comes first, then the longer stretch. A two-character stretch is respelled only with one that sounds the
     * same (底保 → 低保, never 医保).
     */
    public List<String> respellings(String text, int atMost) {
        record Candidate(String text, boolean sameSound, int length) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int length = Math.min(LONGEST_WORD, text.length()); length >= 2; length--) {
            Map<String, List<String>> masks = byMask.get(length);
            if (masks == null) {
                continue;
            }
            for (int start = 0; start + length <= text.length(); start++) {
                String stretch = text.substring(start, start + length);
                if (isWord(stretch) || !stretch.codePoints().allMatch(Lexicon::isHan)) {
                    continue;
                }
                for (int k = 0; k < length; k++) {
                    for (String word : masks.getOrDefault(mask(stretch, k), List.of())) {
                        boolean sameSound = Pinyin.of(word.charAt(k)).equals(Pinyin.of(stretch.charAt(k)));
                        if (sameSound || length > 2) {
                            candidates.add(new Candidate(text.substring(0, start) + word
                                    + text.substring(start + length), sameSound, length));
                        }
                    }
                }
            }
        }
        return candidates.stream()
                .sorted(Comparator.comparing(Candidate::sameSound).reversed()
                        .thenComparing(Comparator.comparingInt(Candidate::length).reversed()))
                .map(Candidate::text).distinct().limit(atMost).toList();
    }

    /**
     * The bodies and items closest to the text, best first: those whose names (and, for an item, the values its
     * table's choices offer, such as 城乡低保) share most of the text's character pairs. What to offer when a query
     * finds nothing.
     */
    public List<Name> closest(String folded, Kind kind, int atMost) {
        Set<String> pairs = pairs(folded);
        if (pairs.isEmpty()) {
            return List.of();
        }
        record Scored(Name name, double share) {
        }
        return about.entrySet().stream().filter(e -> e.getKey().kind() == kind)
                .map(e -> new Scored(e.getKey(), (double) pairs.stream().filter(e.getValue()::contains).count()
                        / pairs.size()))
                .filter(s -> s.share() >= 0.2)
                .sorted(Comparator.comparingDouble(Scored::share).reversed()
                        .thenComparingInt(s -> s.name().label().length()))
                .limit(atMost).map(Scored::name).toList();
    }

    private static Set<String> pairs(String text) {
        Set<String> pairs = new LinkedHashSet<>();
        for (int i = 0; i + 2 <= text.length(); i++) {
            String pair = text.substring(i, i + 2);
            if (pair.codePoints().allMatch(Character::isLetterOrDigit)) {
                pairs.add(pair);
            }
        }
        return pairs;
    }

    private List<String> wordsForSpelling() {
        List<String> words = new ArrayList<>(byWord.keySet());
        words.addAll(Vocabulary.get().words());
        return words.stream().filter(w -> w.length() >= 2).distinct().toList();
    }

    private static String mask(String word, int at) {
        return word.substring(0, at) + '\u0000' + word.substring(at + 1);
    }

    static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    /** Collects names and their short forms. */
    public static final class Builder {
        private final Map<String, List<Name>> byWord = new HashMap<>();
        private final Map<Name, String> about = new HashMap<>();

        /** A name, its other forms (each leads to it), and text about it that only brings it closer to a query. */
        public Builder name(Kind kind, String code, String label, List<String> forms, String aboutText) {
            Name name = new Name(kind, code, label);
            about.put(name, aboutText == null ? "" : aboutText);
            for (String form : forms) {
                String folded = key(form);
                if (folded.length() >= 2) {
                    List<Name> named = byWord.computeIfAbsent(folded, k -> new ArrayList<>());
                    if (!named.contains(name)) {
                        named.add(name);
                    }
                }
            }
            return this;
        }

        public Lexicon build() {
            Map<String, List<Name>> frozen = new HashMap<>();
            byWord.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
            return new Lexicon(frozen, about);
        }
    }
}
