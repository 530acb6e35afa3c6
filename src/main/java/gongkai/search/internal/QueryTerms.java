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
 * A query string as typed, made safe and understood: no syntax is interpreted (so nothing typed can be "malformed"),
 * control characters and surplus length are dropped, the terms are split at spaces and punctuation, Chinese numerals
 * that read as one number are written in digits, and each term is cut into the words a record must contain, as
 * people type without spaces (学校招生 → 学校 招生; 宜春市民政局 → the body itself; 2025年 → 2025).
 */
public final class QueryTerms {

    private static final int MAX_LENGTH = 100;
    private static final int MAX_TERMS = 8;
    private static final int MAX_WORDS = 10;
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,，、;；。.!！?？:：\"“”'‘’()（）<>《》|+*&^%$#@~`=\\\\{}]+");
    /** A document number (宜民规〔2026〕2号, typed with any brackets or none) or an index number (…/2026-00012). */
    private static final Pattern NUMBER_LIKE = Pattern.compile(
            "\\p{IsHan}[\\p{IsHan}A-Za-z]*(19|20)\\d{2}\\d{1,5}号?|[A-Za-z0-9]{6,}(19|20)\\d{2}\\d{3,6}|(19|20)\\d{2}\\d{5}");

    private final String display;
    private final List<String> terms;
    private final List<Lexicon.Word> words;
    private final String problem;
    private final int required;

    private QueryTerms(String display, List<String> terms, List<Lexicon.Word> words, String problem, int required) {
        this.display = display;
        this.terms = terms;
        this.words = words;
        this.problem = problem;
        this.required = required;
    }

    /** The terms as typed (numerals in digits), each one word until {@link #understood} cuts them. */
    public static QueryTerms parse(String raw) {
        String cleaned = raw == null ? "" : raw.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (cleaned.isEmpty()) {
            return new QueryTerms("", List.of(), List.of(), "请输入要查找的词语，例如：低保、控辍保学、扶贫项目。", 0);
        }
        if (cleaned.length() > MAX_LENGTH) {
            cleaned = cleaned.substring(0, MAX_LENGTH);
        }
        List<String> terms = new ArrayList<>();
        for (String part : SEPARATORS.split(cleaned)) {
            String term = ChineseNumerals.normalise(part);
            if (term.codePoints().anyMatch(Character::isLetterOrDigit) && terms.size() < MAX_TERMS
                    && !terms.contains(term)) {
                terms.add(term);
            }
        }
        if (terms.isEmpty()) {
            return new QueryTerms(cleaned, List.of(), List.of(), "“" + cleaned + "”中没有可以查找的文字，请输入汉字、字母或数字。",
                    0);
        }
        List<Lexicon.Word> asTyped = terms.stream().map(t -> new Lexicon.Word(t, List.<Lexicon.Name>of())).toList();
        return new QueryTerms(cleaned, List.copyOf(terms), asTyped, null, asTyped.size());
    }

    /**
     * The words a record must contain: each term that names a body or catalogue item stays whole (and finds that
     * body's or item's records too); the others are cut at the border between digits and Chinese, and runs of
     * Chinese into the words of the lexicon, with smartcn for what it does not know.
     */
    public QueryTerms understood(Lexicon lexicon) {
        List<Lexicon.Word> out = new ArrayList<>();
        String whole = Lexicon.fold(display);
        if (terms.size() > 1 && !lexicon.named(whole).isEmpty()) {
            // A name that holds punctuation, typed whole (救助对象认定、救助标准和申请审批程序).
            out.add(new Lexicon.Word(whole, lexicon.named(whole)));
            return new QueryTerms(display, terms, List.copyOf(out), null, 1);
        }
        for (String term : terms) {
            for (String word : cut(term, lexicon)) {
                if (out.size() < MAX_WORDS && out.stream().noneMatch(w -> w.text().equals(word))) {
                    out.add(new Lexicon.Word(word, lexicon.named(Lexicon.fold(word))));
                }
            }
        }
        return new QueryTerms(display, terms, List.copyOf(out), null, out.size());
    }

    private static List<String> cut(String term, Lexicon lexicon) {
        String folded = Lexicon.fold(term);
        if (!lexicon.named(folded).isEmpty() || lexicon.isWord(folded) || isSingleCjk(folded)) {
            return List.of(folded);
        }
        List<String> words = new ArrayList<>();
        List<String> runs = scriptRuns(folded);
        for (int r = 0; r < runs.size(); r++) {
            String run = runs.get(r);
            if (!hasHan(run)) {
                if (run.codePoints().anyMatch(Character::isLetterOrDigit)) {
                    words.add(run);
                }
            } else if (run.length() <= 2) {
                if (!isSingleCjk(run)) {
                    words.add(run);
                }
            } else {
                List<String> parts = datesApart(run);
                for (int p = 0; p < parts.size(); p++) {
                    String part = parts.get(p);
                    if (ChineseNumerals.leadingNumber(part) != null) {
                        words.add(part); // a date or span is a word of its own (七月)
                        continue;
                    }
                    List<String> pieces = new ArrayList<>();
                    for (Lexicon.Piece piece : lexicon.cut(part)) {
                        pieces.addAll(piece.known() || piece.text().length() <= 2 ? List.of(piece.text())
                                : smartcnWords(piece.text()));
                    }
                    if (r > 0 && p == 0 && isSingleCjk(pieces.get(0))) {
                        pieces.remove(0); // the unit of the number before it: 年 of 2025年健康素养
                    }
                    if (r < runs.size() - 1 && p == parts.size() - 1 && !pieces.isEmpty()
                            && isSingleCjk(pieces.get(pieces.size() - 1))) {
                        pieces.remove(pieces.size() - 1); // 第 of 第3季度
                    }
                    words.addAll(attachSingles(pieces));
                }
            }
        }
        return words.isEmpty() ? List.of(folded) : words;
    }

    /**
     * Within one run of Chinese, smartcn leaves characters it knows no word for alone. Two or more in a row are one
     * piece again (蓝/莓 → 蓝莓, 控/辍 → 控辍). A single one is not a word to look for alone: it stays with the piece
     * before it (宜春 + 市 → 宜春市, 中国 + 行 → 中国行), or the one after when it comes first (赵 + 检索 → 赵检索), so that
     * it must still be found where it was typed. A character alone next to digits (年 in 2025年, 2025年健康素养) is
     * dropped instead: texts write it as part of another word (2025年度).
     */
    private static List<String> attachSingles(List<String> pieces) {
        List<String> grouped = new ArrayList<>();
        StringBuilder singles = new StringBuilder();
        for (String piece : pieces) {
            if (isSingleCjk(piece)) {
                singles.append(piece);
                continue;
            }
            if (!singles.isEmpty()) {
                grouped.add(singles.toString());
                singles.setLength(0);
            }
            grouped.add(piece);
        }
        if (!singles.isEmpty()) {
            grouped.add(singles.toString());
        }
        List<String> out = new ArrayList<>();
        String pending = "";
        for (String piece : grouped) {
            if (isSingleCjk(piece)) {
                if (out.isEmpty()) {
                    pending = piece;
                } else {
                    out.set(out.size() - 1, out.get(out.size() - 1) + piece);
                }
            } else {
                out.add(pending + piece);
                pending = "";
            }
        }
        if (!pending.isEmpty()) {
            out.add(pending);
        }
        return out;
    }

    /**
     * Cuts numerals with their unit of time from the start of a run (七月八日强降雨 → 七月, 八日, 强降雨), each a word of
     * its own; only from the start, so that 统一年度 stays whole. A single character after them (份 of 七月份) is
     * dropped: texts write it beside digits (7月份), where it is part of no word of ours.
     */
    private static List<String> datesApart(String run) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start + 2 <= run.length() && ChineseNumerals.leadingNumber(run.substring(start, start + 2)) != null) {
            parts.add(run.substring(start, start + 2));
            start += 2;
        }
        if (start == 0) {
            return List.of(run);
        }
        if (run.length() - start > 1) {
            parts.add(run.substring(start));
        }
        return parts;
    }

    /** Splits where Chinese meets digits or letters: 2025年度 → 2025, 年度. */
    private static List<String> scriptRuns(String text) {
        List<String> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || Lexicon.isHan(text.charAt(i)) != Lexicon.isHan(text.charAt(i - 1))) {
                runs.add(text.substring(start, i));
                start = i;
            }
        }
        return runs;
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** The query as shown back to the visitor. */
    public String display() {
        return display;
    }

    /** The terms as typed, split at spaces and punctuation only: the phrases that raise a record's score. */
    public List<String> terms() {
        return terms;
    }

    /** The words a record must contain ({@link #required()} of them). */
    public List<Lexicon.Word> words() {
        return words;
    }

    /** Why there is nothing to search for, when {@link #isEmpty()}. */
    public String problem() {
        return problem;
    }

    /** The key of the whole query, when it looks like a document or index number typed with any brackets or none. */
    public String exactKey() {
        String key = DocumentNumbers.key(display);
        return key != null && NUMBER_LIKE.matcher(key).matches() ? key : null;
    }

    /** How many of the words a record must contain: all of them, unless {@link #relaxed()}. */
    public int required() {
        return required;
    }

    public boolean isRelaxed() {
        return required < words.size();
    }

    /** Most of the words instead of all: one fewer of three, a third fewer of more. */
    public QueryTerms relaxed() {
        int n = words.size();
        return new QueryTerms(display, terms, words, null, Math.max(1, n - Math.max(1, n / 3)));
    }

    /**
     * How many of the words that name nothing a relaxed query requires: a body or item named is always required, so
     * it is left out of the count ({@link #required()} counts all words).
     */
    public int requiredUnnamed() {
        long named = words.stream().filter(w -> !w.names().isEmpty()).count();
        return (int) Math.max(1, required - named);
    }

    private static boolean hasHan(String text) {
        return text.codePoints().anyMatch(Lexicon::isHan);
    }

    /** smartcn's words of the folded text, punctuation left out. */
    private static List<String> smartcnWords(String text) {
        try (Tokenizer tokenizer = new HMMChineseTokenizer()) {
            tokenizer.setReader(new StringReader(text));
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
        return term.codePointCount(0, term.length()) == 1 && Lexicon.isHan(term.codePointAt(0));
    }
}
