package gongkai.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How a query typed as people type is cut into the words a record must contain. */
class QueryTermsTest {

    private static final Lexicon LEXICON = Lexicon.builder()
            .name(Lexicon.Kind.ORG, "ycsmzj", "宜春市民政局", List.of("宜春市民政局", "市民政局", "民政局"), null)
            .name(Lexicon.Kind.ITEM, "sa-policy", "救助对象认定、救助标准和申请审批程序",
                    List.of("救助对象认定、救助标准和申请审批程序"), "城乡低保 临时救助")
            .build();

    private static List<String> words(String q) {
        return QueryTerms.parse(q).understood(LEXICON).words().stream().map(Lexicon.Word::text).toList();
    }

    @Test
    void wordsTypedWithoutSpacesAreCutIntoWords() {
        assertThat(words("学校招生")).containsExactly("学校", "招生");
        assertThat(words("學校招生")).containsExactly("学校", "招生");
        assertThat(words("义务教育招生")).containsExactly("义务教育", "招生");
    }

    @Test
    void aBodysNameOrShortFormStaysWholeAndNamesTheBody() {
        for (String q : List.of("宜春市民政局", "市民政局", "民政局")) {
            QueryTerms terms = QueryTerms.parse(q).understood(LEXICON);
            assertThat(terms.words()).singleElement().satisfies(w -> assertThat(w.names())
                    .extracting(Lexicon.Name::code).containsExactly("ycsmzj"));
        }
        assertThat(words("民政局低保")).containsExactly("民政局", "低保");
    }

    @Test
    void numbersAreWrittenInDigitsAndCutFromTheCharactersAgainstThem() {
        assertThat(words("二十个工作日")).containsExactly("20", "工作日");
        assertThat(words("2025年 健康素养")).containsExactly("2025", "健康", "素养");
        assertThat(words("2025年健康素养")).containsExactly("2025", "健康", "素养");
        assertThat(words("二〇二五年")).containsExactly("2025");
        assertThat(words("２０２５")).containsExactly("2025");
        assertThat(words("七月八日强降雨")).containsExactly("七月", "八日", "强降雨");
    }

    @Test
    void aSingleCharacterStaysWithItsNeighbourSoANameIsNotLost() {
        assertThat(words("赵检索")).containsExactly("赵检索");
        assertThat(words("学")).containsExactly("学");
    }

    @Test
    void documentAndIndexNumbersAreRecognisedHoweverTyped() {
        String key = DocumentNumbers.key("宜民规〔2026〕2号");
        for (String typed : List.of("宜民规〔2026〕2号", "宜民规[2026]2号", "宜民规2026 2号", "宜民规（2026）2号",
                "宜民规【2026】2號", "宜民规 2026 2 号")) {
            assertThat(QueryTerms.parse(typed).exactKey()).as(typed).isEqualTo(key);
        }
        assertThat(QueryTerms.parse("000014349/2017-00110").exactKey())
                .isEqualTo(DocumentNumbers.key("000014349 / 2017－00110"));
        assertThat(QueryTerms.parse("2017-00110").exactKey()).isEqualTo(DocumentNumbers.serialKey("000014349/2017-00110"));
        for (String plain : List.of("2025", "低保2026年", "宜春2026", "学校招生")) {
            assertThat(QueryTerms.parse(plain).exactKey()).as(plain).isNull();
        }
    }

    @Test
    void mostOfTheWordsWhenRelaxed() {
        QueryTerms three = QueryTerms.parse("低保 名单 某村").understood(LEXICON);
        assertThat(three.relaxed().required()).isEqualTo(2);
        assertThat(three.relaxed().isRelaxed()).isTrue();
        assertThat(three.isRelaxed()).isFalse();
    }

    @Test
    void aTypoOfOneCharacterIsRespelledBySound() {
        assertThat(LEXICON.respellings("底保", 2)).first().isEqualTo("低保");
        assertThat(LEXICON.respellings("最底生活保障", 2)).contains("最低生活保障");
        assertThat(LEXICON.respellings("低保", 2)).isEmpty();
    }

    @Test
    void theClosestItemsAndBodiesShareTheQuerysCharacters() {
        assertThat(LEXICON.closest(Lexicon.fold("某村低保名单"), Lexicon.Kind.ITEM, 3))
                .extracting(Lexicon.Name::code).containsExactly("sa-policy");
        assertThat(LEXICON.closest(Lexicon.fold("民政"), Lexicon.Kind.ORG, 3))
                .extracting(Lexicon.Name::code).containsExactly("ycsmzj");
        assertThat(LEXICON.closest(Lexicon.fold("天气预报"), Lexicon.Kind.ITEM, 3)).isEmpty();
    }
}
