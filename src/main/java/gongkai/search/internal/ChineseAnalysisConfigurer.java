package gongkai.search.internal;

import org.apache.lucene.analysis.cjk.CJKBigramFilterFactory;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizerFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The analyzers of the search index (STACK.md, "Chinese search"). Both fold width and case (NFKC casefold) and
 * Traditional to Simplified before tokenising, and the text analyzers write Chinese numerals that read as one number
 * in digits ({@link ChineseNumerals}).
 * <ul>
 * <li>{@value #BIGRAM}: overlapping character bigrams; every query term must match as a phrase, so nothing that
 * contains the term is missed (smartcn alone segments by context and misses);</li>
 * <li>{@value #WORDS}: smartcn words, an optional clause that raises the score of real word matches;</li>
 * <li>{@value #TERMS}: every occurrence of the words of {@code reference/search-terms.txt}, each as one token: a
 * query word from that list is one term lookup instead of a phrase of bigrams (same result, much cheaper);</li>
 * <li>{@value #EXACT}: a normaliser for document and index numbers, matched whole.</li>
 * </ul>
 */
public class ChineseAnalysisConfigurer implements LuceneAnalysisConfigurer {

    public static final String BIGRAM = "cjk_bigram";
    public static final String WORDS = "cjk_words";
    public static final String EXACT = "exact";
    public static final String TERMS = "vocabulary_terms";

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(BIGRAM).custom()
                .tokenizer(StandardTokenizerFactory.class)
                .charFilter(ICUNormalizer2CharFilterFactory.class).param("name", "nfkc_cf")
                .charFilter(TraditionalToSimplifiedCharFilterFactory.class)
                .charFilter(ChineseNumeralCharFilterFactory.class)
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(CJKBigramFilterFactory.class);
        context.analyzer(WORDS).custom()
                .tokenizer(HMMChineseTokenizerFactory.class)
                .charFilter(ICUNormalizer2CharFilterFactory.class).param("name", "nfkc_cf")
                .charFilter(TraditionalToSimplifiedCharFilterFactory.class)
                .charFilter(ChineseNumeralCharFilterFactory.class)
                .tokenFilter(LowerCaseFilterFactory.class);
        context.analyzer(TERMS).custom()
                .tokenizer(VocabularyTokenizerFactory.class)
                .charFilter(ICUNormalizer2CharFilterFactory.class).param("name", "nfkc_cf")
                .charFilter(TraditionalToSimplifiedCharFilterFactory.class);
        context.normalizer(EXACT).custom()
                .charFilter(ICUNormalizer2CharFilterFactory.class).param("name", "nfkc_cf")
                .charFilter(TraditionalToSimplifiedCharFilterFactory.class)
                .tokenFilter(LowerCaseFilterFactory.class);
    }
}
