package gongkai.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class HighlightsTest {

    private static String shown(String marked) {
        return marked.replace(Highlights.START, '[').replace(Highlights.END, ']');
    }

    @Test
    void marksTheWordsInTheTitleWhateverTheScriptTyped() {
        assertThat(shown(Highlights.of(QueryTerms.parse("社會救助")).title("宜春市社会救助工作通知")))
                .isEqualTo("宜春市[社会救助]工作通知");
        assertThat(shown(Highlights.of(QueryTerms.parse("社会救助 通知")).title("宜春市社會救助工作通知")))
                .isEqualTo("宜春市[社會救助]工作[通知]");
    }

    @Test
    void foldsWidthAndCaseWithoutMovingTheMarks() {
        assertThat(shown(Highlights.of(QueryTerms.parse("ab12")).title("编号ＡＢ１２号")))
                .isEqualTo("编号[ＡＢ１２]号");
    }

    @Test
    void aSingleCharacterIsNotMarked() {
        assertThat(shown(Highlights.of(QueryTerms.parse("学")).title("学生资助"))).isEqualTo("学生资助");
    }

    @Test
    void picksTheSentencesWithTheMostWordsInTheOrderOfTheText() {
        String text = "第一句没有。第二句讲低保。第三句讲低保和临时救助。第四句也没有。";
        List<String> fragments = Highlights.of(QueryTerms.parse("低保 临时救助")).fragments(text);
        assertThat(fragments).hasSize(2);
        assertThat(shown(fragments.get(0))).isEqualTo("第二句讲[低保]。");
        assertThat(shown(fragments.get(1))).isEqualTo("第三句讲[低保]和[临时救助]。");
    }

    @Test
    void cutsALongSentenceAroundItsFirstMatch() {
        String text = "甲".repeat(300) + "控辍保学" + "乙".repeat(300) + "。";
        String fragment = shown(Highlights.of(QueryTerms.parse("控辍保学")).fragments(text).get(0));
        assertThat(fragment).contains("[控辍保学]").startsWith("…").endsWith("…");
        assertThat(fragment.length()).isLessThanOrEqualTo(Highlights.FRAGMENT_LENGTH + 4);
    }

    @Test
    void withoutAMatchTheTextsBeginningIsShownShort() {
        String text = "这是一段很长的正文。".repeat(30);
        List<String> fragments = Highlights.of(QueryTerms.parse("低保")).fragments(text);
        assertThat(fragments).hasSize(1);
        assertThat(fragments.get(0)).hasSize(Highlights.NO_MATCH_LENGTH + 1).endsWith("…");
        assertThat(Highlights.of(QueryTerms.parse("低保")).fragments("")).isEmpty();
    }

    @Test
    void storedTextCannotPassForAMark() {
        // The marks of today (noncharacters) and of before (C0 controls), as a record stored earlier may hold them.
        String stored = "\uFFFE低保\uFFFF\u0001名单\u0002公示\uFFFF。";
        Highlights highlights = Highlights.of(QueryTerms.parse("公示"));
        assertThat(shown(highlights.title(stored))).isEqualTo("低保名单[公示]。");
        assertThat(highlights.fragments(stored)).singleElement()
                .satisfies(f -> assertThat(shown(f)).isEqualTo("低保名单[公示]。"));
        assertThat(Highlights.of(QueryTerms.parse("低保")).fragments("\u0001\uFFFE")).isEmpty();
    }
}
