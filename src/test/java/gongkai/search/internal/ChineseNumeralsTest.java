package gongkai.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

class ChineseNumeralsTest {

    @Test
    void numbersThatReadAsOneNumberAreWrittenInDigits() {
        assertThat(ChineseNumerals.normalise("二十个工作日")).isEqualTo("20个工作日");
        assertThat(ChineseNumerals.normalise("二〇二五年度")).isEqualTo("2025年度");
        assertThat(ChineseNumerals.normalise("二零二六年")).isEqualTo("2026年");
        assertThat(ChineseNumerals.normalise("一九九八年")).isEqualTo("1998年");
        assertThat(ChineseNumerals.normalise("十五日内")).isEqualTo("15日内");
        assertThat(ChineseNumerals.normalise("一百二十元")).isEqualTo("120元");
        assertThat(ChineseNumerals.normalise("三百零五户")).isEqualTo("305户");
        assertThat(ChineseNumerals.normalise("一千二百人")).isEqualTo("1200人");
        assertThat(ChineseNumerals.normalise("第二十条")).isEqualTo("第20条");
    }

    @Test
    void wordsWithNumeralsAndUncertainReadingsAreLeftAlone() {
        for (String text : List.of("一站式", "统一年度", "十四五规划", "十一五", "五一", "一百五", "三保障", "两不愁",
                "百姓", "千万", "十分重要", "第三季度", "一户一档")) {
            assertThat(ChineseNumerals.normalise(text)).as(text).isEqualTo(text);
        }
    }

    @Test
    void theCharFilterKeepsOffsetsOnTheCharactersAsWritten() throws Exception {
        Analyzer analyzer = CustomAnalyzer.builder().withTokenizer(StandardTokenizerFactory.class)
                .addCharFilter(ChineseNumeralCharFilterFactory.class).build();
        String text = "在二十个工作日内，二〇二五年度";
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term + "=" + text.substring(offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        }
        assertThat(tokens).contains("20=二十", "2025=二〇二五", "工=工", "年=年");
    }

    @Test
    void highlightsFindDigitsWrittenAsChineseAndTheReverse() {
        String shown = Highlights.of(QueryTerms.parse("20个工作日")).title("应在二十个工作日内答复")
                .replace(Highlights.START, '[').replace(Highlights.END, ']');
        assertThat(shown).isEqualTo("应在[二十个工作日]内答复");
        shown = Highlights.of(QueryTerms.parse("二〇二五年度")).title("2025年度健康素养监测")
                .replace(Highlights.START, '[').replace(Highlights.END, ']');
        assertThat(shown).isEqualTo("[2025年度]健康素养监测");
    }

    @Test
    void aSingleNumeralBeforeAUnitOfTimeIsAlsoSearchedAsItsNumber() {
        assertThat(ChineseNumerals.leadingNumber("七月")).isEqualTo("7");
        assertThat(ChineseNumerals.leadingNumber("八日")).isEqualTo("8");
        assertThat(ChineseNumerals.leadingNumber("十月")).isEqualTo("10");
        assertThat(ChineseNumerals.leadingNumber("两年")).isEqualTo("2");
        for (String word : List.of("一站式", "统一", "七", "三保障", "月七", "七月份")) {
            assertThat(ChineseNumerals.leadingNumber(word)).as(word).isNull();
        }
    }
}
