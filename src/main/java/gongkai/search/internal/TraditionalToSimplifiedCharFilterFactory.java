package gongkai.search.internal;

import java.io.Reader;
import java.util.Map;

import com.ibm.icu.text.Transliterator;
import org.apache.lucene.analysis.CharFilterFactory;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;

/**
 * Folds Traditional characters to Simplified before tokenising, so that 社會救助 and 社会救助 index and query alike.
 * Lucene 9 has no ICU transform char filter; a mapping char filter built once from ICU4J's
 * "Traditional-Simplified" transliterator, character by character over the CJK blocks, does the same work fast.
 */
public class TraditionalToSimplifiedCharFilterFactory extends CharFilterFactory {

    public static final String NAME = "traditionalToSimplified";

    private static final NormalizeCharMap MAP = build();

    public TraditionalToSimplifiedCharFilterFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
    }

    /** Needed by Lucene's SPI lookup. */
    public TraditionalToSimplifiedCharFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public Reader create(Reader input) {
        return new MappingCharFilter(MAP, input);
    }

    @Override
    public Reader normalize(Reader input) {
        return create(input);
    }

    static NormalizeCharMap build() {
        Transliterator t2s = Transliterator.getInstance("Traditional-Simplified");
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        int[][] blocks = {{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}};
        for (int[] block : blocks) {
            for (int cp = block[0]; cp <= block[1]; cp++) {
                String from = new String(Character.toChars(cp));
                String to = t2s.transliterate(from);
                if (!to.equals(from) && !to.isEmpty()) {
                    builder.add(from, to);
                }
            }
        }
        return builder.build();
    }

    /** Simplified form of a text, for labels and tests. */
    public static String fold(String text) {
        try (Reader r = new MappingCharFilter(MAP, new java.io.StringReader(text))) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[256];
            int n;
            while ((n = r.read(buf)) > 0) {
                sb.append(buf, 0, n);
            }
            return sb.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
