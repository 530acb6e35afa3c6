package gongkai.search.internal;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

/**
 * The same three analyzers for the Elasticsearch/OpenSearch backend, built from the server's analysis-icu and
 * analysis-smartcn plugins (both must be installed on every node). Traditional→Simplified is the ICU transform
 * token filter there (the servers have no transform char filter); after the standard tokenizer, which emits
 * Chinese character by character, it folds each character before the bigrams are formed, which is the same result.
 * Not yet the same: {@link ChineseNumerals} (二十 → 20) has no counterpart on the servers, so there a numeral is found
 * only as written; it needs the small analysis plugin that issue 21 brings to the test node.
 */
public class ChineseElasticsearchAnalysisConfigurer implements ElasticsearchAnalysisConfigurer {

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        context.charFilter("nfkc_cf").type("icu_normalizer").param("name", "nfkc_cf");
        context.tokenFilter("traditional_to_simplified").type("icu_transform").param("id", "Traditional-Simplified");
        context.analyzer(ChineseAnalysisConfigurer.BIGRAM).custom()
                .tokenizer("standard")
                .charFilters("nfkc_cf")
                .tokenFilters("traditional_to_simplified", "lowercase", "cjk_bigram");
        context.analyzer(ChineseAnalysisConfigurer.WORDS).custom()
                .tokenizer("smartcn_tokenizer")
                .charFilters("nfkc_cf")
                .tokenFilters("traditional_to_simplified", "lowercase");
        context.analyzer(ChineseAnalysisConfigurer.TERMS).custom()
                .tokenizer("standard")
                .charFilters("nfkc_cf")
                .tokenFilters("traditional_to_simplified", "lowercase", "cjk_bigram");
        context.normalizer(ChineseAnalysisConfigurer.EXACT).custom()
                .charFilters("nfkc_cf")
                .tokenFilters("lowercase");
    }
}
