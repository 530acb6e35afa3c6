package gongkai.search;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.publishing.RecordInput;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Suggestions while typing: organisations by their usual names, catalogue items, record titles; odd input. */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchSuggestionsTest {

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

    @Autowired
    SearchSuggestions suggestions;
    @Autowired
    RecordSearch search;
    @Autowired
    MockMvc mvc;

    private String winterRelief;

    @BeforeAll
    void publish() {
        winterRelief = review.publish(Staff.of("ycsmzj"), new RecordInput("sa-policy", "ycsmzj", "360900",
                "关于做好山楂提示样例冬季救助工作的通知", "", null, LocalDate.of(2026, 11, 1), "<p>棉衣发放安排。</p>",
                List.of(), null, null, null, null, null, null, null));
    }

    private List<SuggestAnswer.Suggestion> suggest(String q) {
        return suggestions.suggest(q).suggestions();
    }

    @Test
    void anOrganisationIsFoundByItsNameItsShortFormsAndItsFormerName() {
        for (String typed : new String[] {"宜春市民政局", "市民政局", "民政局", "民政"}) {
            assertThat(suggest(typed)).as(typed).first().satisfies(s -> {
                assertThat(s.type()).isEqualTo("org");
                assertThat(s.typeLabel()).isEqualTo("机构");
                assertThat(s.text()).isEqualTo("宜春市民政局");
                assertThat(s.url()).isEqualTo("/orgs/ycsmzj");
                assertThat(s.note()).isNull();
            });
        }
        // 民政 is inside every 人民政府 too, but names no county government.
        assertThat(suggest("民政")).filteredOn(s -> s.type().equals("org")).extracting(SuggestAnswer.Suggestion::text)
                .containsExactly("宜春市民政局");
        assertThat(suggest("袁州区人民政府")).first().satisfies(s -> assertThat(s.url()).isEqualTo("/orgs/yzqzf"));
        // Contractions people use, of the current name and of the name before the 2019 reform.
        assertThat(suggest("市卫健委")).first().satisfies(s -> {
            assertThat(s.text()).isEqualTo("宜春市卫生健康委员会");
            assertThat(s.note()).isEqualTo("也称：宜春市卫健委");
        });
        assertThat(suggest("市卫计委")).first().satisfies(s -> assertThat(s.url()).isEqualTo("/orgs/ycswjw"));
        assertThat(suggest("环保局")).first().satisfies(s -> assertThat(s.text()).isEqualTo("宜春市生态环境局"));
        assertThat(suggest("袁州区政府")).first().satisfies(s -> assertThat(s.url()).isEqualTo("/orgs/yzqzf"));
        assertThat(suggest("经开区管委会")).first().satisfies(s -> assertThat(s.url()).isEqualTo("/orgs/etdzgwh"));
        // Traditional characters and full-width forms are folded as the index folds them.
        assertThat(suggest("市衛健委")).first().satisfies(s -> assertThat(s.url()).isEqualTo("/orgs/ycswjw"));
        assertThat(suggest("扶貧項目")).anySatisfy(s -> assertThat(s.url()).isEqualTo("/catalog/pa-project"));
    }

    @Test
    void catalogueItemsAndRecordTitlesAreSuggestedWithTheirPages() {
        assertThat(suggest("扶贫项目")).anySatisfy(s -> {
            assertThat(s.type()).isEqualTo("item");
            assertThat(s.text()).isEqualTo("扶贫项目");
            assertThat(s.note()).isEqualTo("精准扶贫精准脱贫");
            assertThat(s.url()).isEqualTo("/catalog/pa-project");
        });
        assertThat(suggest("山楂提示 冬季")).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo("record");
            assertThat(s.text()).isEqualTo("关于做好山楂提示样例冬季救助工作的通知");
            assertThat(s.note()).startsWith("宜春市民政局 · ");
            assertThat(s.url()).isEqualTo("/records/" + winterRelief.replace("/", "%2F"));
        });
        // Titles only: a word of the text alone suggests nothing (though search finds it).
        assertThat(search.search(SearchQuery.of("棉衣发放安排")).hits()).extracting(SearchHit::indexNo)
                .contains(winterRelief);
        assertThat(suggest("棉衣发放安排")).noneMatch(s -> s.text().contains("山楂提示"));
    }

    @Test
    void atMostEightAndNothingForBlankOrOneCharacter() {
        assertThat(suggest("宜春")).hasSizeLessThanOrEqualTo(SearchSuggestions.AT_MOST).isNotEmpty();
        for (String q : new String[] {null, "", "   ", "a", "?", "民", "！？", "\u0007民"}) {
            assertThat(suggest(q)).as(String.valueOf(q)).isEmpty();
        }
    }

    @Test
    void hostileInputIsReadAsTextCutShortAndNeverAnError() throws Exception {
        SuggestAnswer longOne = suggestions.suggest("民政局".repeat(2000));
        assertThat(longOne.q()).hasSize(SearchSuggestions.MAX_LENGTH);
        assertThat(suggestions.suggest("\t民政局\r\n").q()).isEqualTo("民政局");
        mvc.perform(get("/api/v1/search/suggest").param("q", "<script>alert(1)</script>民政局"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.q").value("<script>alert(1)</script>民政局"));
        mvc.perform(get("/api/v1/search/suggest").param("q", "a".repeat(100_000))).andExpect(status().isOk())
                .andExpect(jsonPath("$.suggestions", hasSize(0)));
        for (String q : new String[] {"\"", "(((", "*:*", "title_cjk:救助", "[2026", "~~~", "🙂🙂", "\\\\"}) {
            mvc.perform(get("/api/v1/search/suggest").param("q", q)).andExpect(status().isOk());
        }
        // A control character is refused at the door, as everywhere (UnsafeTextInputTest).
        mvc.perform(get("/api/v1/search/suggest").param("q", "民政\u0000局")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/search/suggest")).andExpect(status().isOk())
                .andExpect(jsonPath("$.q").value("")).andExpect(jsonPath("$.suggestions", hasSize(0)));
    }

    @Test
    void theAnswerIsTyped() throws Exception {
        mvc.perform(get("/api/v1/search/suggest").param("q", "市民政局")).andExpect(status().isOk())
                .andExpect(jsonPath("$.q").value("市民政局"))
                .andExpect(jsonPath("$.suggestions[0].type").value("org"))
                .andExpect(jsonPath("$.suggestions[0].typeLabel").value("机构"))
                .andExpect(jsonPath("$.suggestions[0].text").value("宜春市民政局"))
                .andExpect(jsonPath("$.suggestions[0].url").value("/orgs/ycsmzj"));
    }
}
