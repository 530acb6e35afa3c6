package gongkai.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.support.ThreeStepReview;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordInput;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What search must do for a visitor, beyond ranking: folding, exact numbers, visibility, odd input. */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTest {

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

    @Autowired
    Publishing publishing;
    @Autowired
    RecordSearch search;
    @Autowired
    MockMvc mvc;
    @Autowired
    SearchIndex index;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private String simplified;
    private String traditional;
    private String numbered;

    private String publish(Staff s, RecordInput input) {
        return review.publish(s, input);
    }

    private static RecordInput policy(String title, String number, String body) {
        return new RecordInput("sa-policy", "ycsmzj", "360900", title, "", number, LocalDate.of(2026, 6, 1), body,
                List.of(), null, null, null, null, null, null, null);
    }

    @BeforeAll
    void publishSomeRecords() {
        Staff s = Staff.of("ycsmzj");
        simplified = publish(s, policy("关于提高城乡社会救助标准的通知（检索测试）", "宜民发〔2026〕41号",
                "<p>自2026年7月起提高城乡低保和特困人员救助供养标准。</p>"));
        traditional = publish(s, policy("關於規範臨時救助審批程序的通知（檢索測試）", null,
                "<p>進一步規範臨時救助的申請、審核和審批：申請人須如實申報。</p>"));
        numbered = simplified;
    }

    @Test
    void wordsTypedWithoutSpacesAreFoundInAnyOrder() {
        // The words stand apart and in another order in the text: as typed, the run 保标准低 occurs nowhere.
        assertThat(search.search(SearchQuery.of("救助标准低保")).hits()).extracting(h -> h.indexNo())
                .contains(simplified);
        assertThat(search.search(SearchQuery.of("审批临时救助")).hits()).extracting(h -> h.indexNo())
                .contains(traditional);
        assertThat(search.search(SearchQuery.of("救助标准低保")).message()).isNull();
    }

    @Test
    void whenNoRecordHasEveryWordMostOfThemWillDoAndThePageSaysSo() throws Exception {
        SearchAnswer partly = search.search(SearchQuery.of("临时救助审批 火星"));
        assertThat(partly.hits()).extracting(h -> h.indexNo()).contains(traditional);
        assertThat(partly.message()).isEqualTo("未找到同时包含全部词语的结果，以下结果包含部分词语。");
        mvc.perform(get("/search").param("q", "临时救助审批 火星")).andExpect(status().isOk())
                .andExpect(content().string(containsString("未找到同时包含全部词语的结果")));
        // Two words are not relaxed to one: that would find much that was not asked for.
        assertThat(search.search(SearchQuery.of("救助火星")).hits()).isEmpty();
        // Words that are all there are not relaxed.
        assertThat(search.search(SearchQuery.of("临时救助 审批")).message()).isNull();
    }

    @Test
    void simplifiedFindsTraditionalAndTheReverse() {
        assertThat(titles("臨時救助")).anyMatch(t -> t.startsWith("關於規範臨時救助"));
        assertThat(titles("临时救助 审批")).anyMatch(t -> t.startsWith("關於規範臨時救助"));
        assertThat(titles("社會救助標準")).anyMatch(t -> t.startsWith("关于提高城乡社会救助标准"));
        SearchAnswer answer = search.search(SearchQuery.of("社會救助"));
        assertThat(answer.hits()).isNotEmpty();
        assertThat(answer.hits().get(0).titleHtml()).contains("<mark>");
        // Characters the sanitiser stored as references come out as themselves in the fragments.
        assertThat(search.search(SearchQuery.of("如實申報")).hits()).first().satisfies(h -> assertThat(
                String.join("", h.fragments())).contains("：").doesNotContain("&#", "&amp;#"));
    }

    @Test
    void documentAndIndexNumbersAreMatchedExactly() {
        assertThat(search.search(SearchQuery.of("宜民发〔2026〕41号")).hits()).first()
                .satisfies(h -> assertThat(h.indexNo()).isEqualTo(numbered));
        assertThat(search.search(SearchQuery.of("宜民发[2026]41号")).hits()).first()
                .satisfies(h -> assertThat(h.indexNo()).isEqualTo(numbered));
        assertThat(search.search(SearchQuery.of(traditional)).hits()).first()
                .satisfies(h -> assertThat(h.indexNo()).isEqualTo(traditional));
        assertThat(search.search(SearchQuery.of("宜民发〔2026〕42号")).hits())
                .noneMatch(h -> h.indexNo().equals(numbered));
    }

    @Test
    void targetedRecordsAreNeverInPublicResults() {
        Staff s = Staff.of("fxxzf");
        String indexNo = publish(s, new RecordInput("sa-recipients", "fxxzf", "360921101",
                "赤岸镇2026年10月救助发放情况（检索测试）", "", null, LocalDate.of(2026, 10, 31), "", List.of(), null,
                "低保户", null, null, List.of(Map.of("救助项目", "城乡低保", "姓名", "赵检索", "所在村组", "某村",
                        "家庭人口", "3", "发放金额", "1200.00", "期间", "2026年10月")), null, null, "2026-10"));
        assertThat(search.search(SearchQuery.of("赤岸镇 救助发放")).hits()).noneMatch(h -> h.indexNo().equals(indexNo));
        assertThat(search.search(SearchQuery.of("赵检索")).hits()).isEmpty();
    }

    @Test
    void aWithdrawnRecordDropsOut() {
        Staff s = Staff.of("ycsmzj");
        String indexNo = publish(s, policy("关于暂停某项救助试点的通知（撤回测试）", null, "<p>试点暂停。</p>"));
        assertThat(titles("撤回测试")).hasSize(1);
        as(s.approver(), () -> publishing.withdraw(indexNo, "试点方案调整"));
        assertThat(titles("撤回测试")).isEmpty();
    }

    @Test
    void anyQueryStringGivesResultsOrAMessageNeverAnError() throws Exception {
        for (String q : new String[] {"\"", "(((", "AND OR NOT", "*:*", "标题:低保 OR", "\\", "~~~!!!", "低保\u0000标准",
                "a".repeat(5000), "🙂", "[2026", "title_cjk:救助", "《》"}) {
            SearchAnswer answer = search.search(SearchQuery.of(q));
            assertThat(answer.hits().isEmpty() ? answer.message() : "ok").as(q).isNotBlank();
            if (q.indexOf('\u0000') >= 0) {
                // Over HTTP a control character is refused at the door, naming the field (UnsafeTextInputTest).
                mvc.perform(get("/api/v1/search").param("q", q)).andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.errors[0].field").value("q"));
                mvc.perform(get("/search").param("q", q).accept(MediaType.TEXT_HTML))
                        .andExpect(status().isBadRequest());
                continue;
            }
            mvc.perform(get("/api/v1/search").param("q", q)).andExpect(status().isOk());
            mvc.perform(get("/search").param("q", q).accept(MediaType.TEXT_HTML)).andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/search").param("q", "低保").param("page", "abc").param("year", "x"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/search").param("q", "")).andExpect(status().isOk())
                .andExpect(jsonPath("$.message").value(containsString("请输入")));
    }

    @Test
    void facetsCountAndFilterAndDateOrderPagesWithACursor() throws Exception {
        SearchAnswer all = search.search(SearchQuery.of("救助"));
        assertThat(all.facets().get("domain")).anySatisfy(f -> {
            assertThat(f.value()).isEqualTo("social-assistance");
            assertThat(f.label()).isEqualTo("社会救助和社会福利");
        });
        assertThat(all.facets().get("year")).anySatisfy(f -> assertThat(f.label()).isEqualTo("2026年"));
        SearchAnswer filtered = search.search(new SearchQuery("救助", null, "ycsjyj", null, null, null, null, null, 0,
                null));
        assertThat(filtered.hits()).allMatch(h -> h.publisher().equals("宜春市教育局"));
        SearchAnswer byDate = search.search(new SearchQuery("救助", null, null, null, null, null, null, "date", 0, null));
        assertThat(byDate.hits()).isSortedAccordingTo((a, b) -> b.publishedAt().compareTo(a.publishedAt()));
        mvc.perform(get("/search").param("q", "救助")).andExpect(status().isOk())
                .andExpect(content().string(containsString("社会救助和社会福利")))
                .andExpect(content().string(containsString("<mark>")));
    }

    @Test
    void aChosenFilterIsShownAndCanBeRemovedEvenWhenItLeavesNothing() throws Exception {
        // The education bureau published nothing about 临时救助: the page names the filter and offers the way back.
        String html = mvc.perform(get("/search").param("q", "临时救助").param("org", "ycsjyj").param("year", "2026"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("已选条件", "发布机构：宜春市教育局", "年份：2026年")
                .contains("href=\"/search?q=%E4%B8%B4%E6%97%B6%E6%95%91%E5%8A%A9&amp;year=2026\"")
                .contains("href=\"/search?q=%E4%B8%B4%E6%97%B6%E6%95%91%E5%8A%A9&amp;org=ycsjyj\"")
                .contains("href=\"/search?q=%E4%B8%B4%E6%97%B6%E6%95%91%E5%8A%A9\">全部</a>");
        // Without a filter there is nothing to remove.
        mvc.perform(get("/search").param("q", "临时救助")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("已选条件"))));
        // A code that names nothing is shown as it was typed, escaped.
        mvc.perform(get("/search").param("q", "救助").param("org", "<b>x</b>")).andExpect(status().isOk())
                .andExpect(content().string(containsString("发布机构：&lt;b&gt;x&lt;/b&gt;")));
    }

    @Test
    void theIndexIsRebuiltFromTheDatabase() {
        jdbc.update("DELETE FROM search_document");
        assertThat(index.status().inStep()).isFalse();
        SearchIndex.Status status = index.rebuild();
        assertThat(status.inStep()).isTrue();
        assertThat(status.indexed()).isGreaterThanOrEqualTo(2);
        assertThat(titles("臨時救助")).anyMatch(t -> t.startsWith("關於規範臨時救助"));
    }

    private List<String> titles(String q) {
        return search.search(SearchQuery.of(q)).hits().stream().map(SearchHit::title).toList();
    }
}
