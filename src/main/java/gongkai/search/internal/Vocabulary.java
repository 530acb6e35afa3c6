package gongkai.search.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.ibm.icu.text.Normalizer2;
import org.springframework.core.io.ClassPathResource;

/**
 * The words indexed whole ({@code reference/search-terms.txt}), folded like the indexed text (NFKC casefold, then
 * Traditional→Simplified), kept as a character trie so that a text is scanned for all of them in one pass.
 */
public final class Vocabulary {

    private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();
    private static final Vocabulary INSTANCE = load();

    /** A trie node: the characters that may follow, and whether a word ends here. */
    static final class Node {
        final Map<Character, Node> next = new HashMap<>();
        boolean word;
    }

    private final Node root;
    private final Set<String> words;

    private Vocabulary(Set<String> words) {
        this.words = words;
        this.root = new Node();
        for (String w : words) {
            Node n = root;
            for (char c : w.toCharArray()) {
                n = n.next.computeIfAbsent(c, k -> new Node());
            }
            n.word = true;
        }
    }

    public static Vocabulary get() {
        return INSTANCE;
    }

    /** Folds a word as the analyzers fold text. */
    public static String fold(String text) {
        return TraditionalToSimplifiedCharFilterFactory.fold(NFKC_CF.normalize(text));
    }

    /** Whether the (folded) word is indexed whole. */
    public boolean contains(String foldedWord) {
        return words.contains(foldedWord);
    }

    /** Every (folded) word of the list. */
    public Set<String> words() {
        return words;
    }

    Node root() {
        return root;
    }

    private static Vocabulary load() {
        try (InputStream in = new ClassPathResource("reference/search-terms.txt").getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Vocabulary(text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(Vocabulary::fold).filter(w -> w.length() >= 2).collect(Collectors.toSet()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read reference/search-terms.txt", e);
        }
    }
}
