package gongkai.search.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A query string as typed, made safe: no syntax is interpreted (so nothing typed can be "malformed"), control
 * characters and surplus length are dropped, and the words are split at spaces and punctuation.
 */
public final class QueryTerms {

    private static final int MAX_LENGTH = 100;
    private static final int MAX_TERMS = 8;
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,，、;；。.!！?？:：\"“”'‘’()（）<>《》|+*&^%$#@~`=\\\\{}]+");
    /** What a document or index number looks like: worth trying as an exact match. */
    private static final Pattern NUMBER_LIKE = Pattern.compile(".*(〔|\\[|【|［|（|\\()\\d{4}.*|[A-Za-z0-9]+/\\d{4}-\\d+");

    private final String display;
    private final List<String> terms;
    private final String problem;
    private final int required;

    private QueryTerms(String display, List<String> terms, String problem) {
        this(display, terms, problem, terms.size());
    }

    private QueryTerms(String display, List<String> terms, String problem, int required) {
        this.display = display;
        this.terms = terms;
        this.problem = problem;
        this.required = required;
    }

    public static QueryTerms parse(String raw) {
        String cleaned = raw == null ? "" : raw.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (cleaned.isEmpty()) {
            return new QueryTerms("", List.of(), "请输入要查找的词语，例如：低保、控辍保学、扶贫项目。");
        }
        if (cleaned.length() > MAX_LENGTH) {
            cleaned = cleaned.substring(0, MAX_LENGTH);
        }
        List<String> terms = new ArrayList<>();
        for (String part : SEPARATORS.split(cleaned)) {
            if (part.codePoints().anyMatch(Character::isLetterOrDigit) && terms.size() < MAX_TERMS
                    && !terms.contains(part)) {
                terms.add(part);
            }
        }
        if (terms.isEmpty()) {
            return new QueryTerms(cleaned, List.of(), "“" + cleaned + "”中没有可以查找的文字，请输入汉字、字母或数字。");
        }
        return new QueryTerms(cleaned, List.copyOf(terms), null);
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** The query as shown back to the visitor. */
    public String display() {
        return display;
    }

    public List<String> terms() {
        return terms;
    }

    /** Why there is nothing to search for, when {@link #isEmpty()}. */
    public String problem() {
        return problem;
    }

    /** The whole query, when it looks like a document or index number. */
    public String exactCandidate() {
        String compact = display.replaceAll("\\s+", "");
        return NUMBER_LIKE.matcher(compact).matches() ? compact : null;
    }

    /** How many of the terms a record must contain: all of them, unless {@link #relaxed()}. */
    public int required() {
        return required;
    }

    /**
     * The same query with every Chinese run of three or more characters split into words by smartcn, as people
     * type without spaces (学校招生 → 学校 招生, 宜春市民政局 → 宜春 市 民政局); null when that splits nothing.
     */
    public QueryTerms splitIntoWords() {
        List<String> words = new ArrayList<>();
        for (String term : terms) {
            List<String> parts = term.codePointCount(0, term.length()) > 2 && hasHan(term) ? words(term) : List.of(term);
            for (String part : parts.isEmpty() ? List.of(term) : parts) {
                if (words.size() < MAX_TERMS && !words.contains(part)) {
                    words.add(part);
                }
            }
        }
        return words.equals(terms) ? null : new QueryTerms(display, List.copyOf(words), null);
    }

    /** Most of the words instead of all: one fewer of three, a third fewer of more. */
    public QueryTerms relaxed() {
        int n = terms.size();
        return new QueryTerms(display, terms, null, Math.max(1, n - Math.max(1, n / 3)));
    }

    private static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** smartcn's words of the folded text, punctuation left out. */
    private static List<String> words(String text) {
        try (Tokenizer tokenizer = new HMMChineseTokenizer()) {
            tokenizer.setReader(new StringReader(Vocabulary.fold(text)));
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            tokenizer.reset();
            List<String> out = new ArrayList<>();
            while (tokenizer.incrementToken()) {
                String word = term.toString();
                if (word.codePoints().anyMatch(Character::isLetterOrDigit)) {
                    out.add(word);
                }
            }
            tokenizer.end();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One Chinese character makes no bigram: it is looked up among smartcn's words instead. */
    public static boolean isSingleCjk(String term) {
        return term.codePointCount(0, term.length()) == 1
                && Character.UnicodeScript.of(term.codePointAt(0)) == Character.UnicodeScript.HAN;
    }
}
