package gongkai.search.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.AttributeFactory;

/**
 * Emits every occurrence of every {@link Vocabulary} word in the (already folded) text, overlapping ones
 * included, so that "contains the word" is one term lookup instead of a phrase of bigrams.
 */
public class VocabularyTokenizerFactory extends TokenizerFactory {

    public static final String NAME = "gongkaiVocabulary";

    public VocabularyTokenizerFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
    }

    /** Needed by Lucene's SPI lookup. */
    public VocabularyTokenizerFactory() {
        throw defaultCtorException();
    }

    @Override
    public Tokenizer create(AttributeFactory factory) {
        return new VocabularyTokenizer(factory);
    }

    static final class VocabularyTokenizer extends Tokenizer {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final Deque<int[]> pending = new ArrayDeque<>();
        private String text;
        private int start;

        VocabularyTokenizer(AttributeFactory factory) {
            super(factory);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[4096];
            int n;
            while ((n = input.read(buf)) > 0) {
                sb.append(buf, 0, n);
            }
            text = sb.toString();
            start = 0;
            pending.clear();
        }

        @Override
        public boolean incrementToken() {
            clearAttributes();
            while (pending.isEmpty() && start < text.length()) {
                Vocabulary.Node node = Vocabulary.get().root();
                for (int i = start; i < text.length(); i++) {
                    node = node.next.get(text.charAt(i));
                    if (node == null) {
                        break;
                    }
                    if (node.word) {
                        pending.add(new int[] {start, i + 1});
                    }
                }
                start++;
            }
            if (pending.isEmpty()) {
                return false;
            }
            int[] word = pending.poll();
            term.append(text, word[0], word[1]);
            offset.setOffset(correctOffset(word[0]), correctOffset(word[1]));
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            int end = correctOffset(text == null ? 0 : text.length());
            offset.setOffset(end, end);
        }
    }
}
