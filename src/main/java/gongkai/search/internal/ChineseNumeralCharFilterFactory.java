package gongkai.search.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.Map;

import org.apache.lucene.analysis.CharFilterFactory;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * {@link ChineseNumerals} as a char filter: 二十个工作日 is indexed and searched as 20个工作日. Offsets are corrected, so
 * that what is found still points at the characters as written.
 */
public class ChineseNumeralCharFilterFactory extends CharFilterFactory {

    public static final String NAME = "chineseNumerals";

    public ChineseNumeralCharFilterFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
    }

    /** Needed by Lucene's SPI lookup. */
    public ChineseNumeralCharFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public Reader create(Reader input) {
        return new NumeralFilter(input);
    }

    @Override
    public Reader normalize(Reader input) {
        return create(input);
    }

    /** Reads the whole input once (a search document is read whole by the tokenizers anyway), then serves it. */
    static final class NumeralFilter extends BaseCharFilter {

        private String converted;
        private int position;

        NumeralFilter(Reader in) {
            super(in);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (converted == null) {
                fill();
            }
            if (position >= converted.length()) {
                return -1;
            }
            int n = Math.min(length, converted.length() - position);
            converted.getChars(position, position + n, buffer, offset);
            position += n;
            return n;
        }

        private void fill() throws IOException {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[4096];
            int n;
            while ((n = input.read(buf)) > 0) {
                sb.append(buf, 0, n);
            }
            String original = sb.toString();
            ChineseNumerals.Converted c = ChineseNumerals.convert(original);
            converted = c.text();
            // Record where the output drifts from the input: at each output index whose origin differs from it.
            int lastDiff = 0;
            for (int i = 0; i < c.text().length(); i++) {
                int diff = c.origin()[i] - i;
                if (diff != lastDiff) {
                    addOffCorrectMap(i, diff);
                    lastDiff = diff;
                }
            }
            int endDiff = original.length() - c.text().length();
            if (endDiff != lastDiff) {
                addOffCorrectMap(c.text().length(), endDiff);
            }
        }
    }
}
