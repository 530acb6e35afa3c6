package gongkai.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.publishing.RecordInput;
import gongkai.support.MovableClock;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The advanced options of search (title only, publication dates, kind of document, publishing body), and what the page
 * offers when the filters leave nothing. Four records share a made-up word (蓝莓检索), published on known days.
 */
@PlatformTest
@Import(MovableClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdvancedSearchTest {

    private static final String WORD = "蓝莓检索";

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

    @Autowired
    RecordSearch search;
    @Autowired
    MockMvc mvc;
    @Autowired
    MovableClock clock;

    private String policy;
    private String interpretation;
    private String data;
    private String other;

    @BeforeAll
    void publishOnKnownDays() {
        Staff civil = Staff.of("ycsmzj");
        clock.setDate(LocalDate.of(2025, 3, 10));
        policy = review.publish(civil, new RecordInput("sa-policy", "ycsmzj", "360900",
                "关于" + WORD + "样例救助标准的通知", "", "宜民发〔2025〕88号", LocalDate.of(2025, 3, 1),
                "<p>提高样例救助标准。</p>", List.of(), null, null, null, null, null, null, null));
        clock.setDate(LocalDate.of(2025, 3, 12));
        interpretation = review.publish(civil, new RecordInput("sa-policy", "ycsmzj", "360900",
                "《关于" + WORD + "样例救助标准的通知》政策解读", "", null, LocalDate.of(2025, 3, 11),
                "<p>解读样例救助标准。</p>", List.of(), null, null, null, null, null, policy, "TEXT"));
        clock.setDate(LocalDate.of(2025, 3, 15));
        data = review.publish(civil, new RecordInput("sa-funds", "ycsmzj", "360900",
                WORD + "样例救助款物管理使用情况", "", null, LocalDate.of(2025, 3, 14), "<p>季度公开。</p>", List.of(),
                null, null, null, null, List.of(Map.of("救助项目", "城乡低保", "资金来源", "市县财政", "金额", "1000.00",
                        "物资种类", "", "数量", "", "发放范围", "全市", "期间", "2025年1月至3月")), null, null,
                "2025-Q1"));
        clock.setDate(LocalDate.of(2025, 3, 20));
        // The word in the text only.
        other = review.publish(Staff.of("ycsjyj"), new RecordInput("ed-dropout", "ycsjyj", "360900",
                "控辍保学工作进展（样例）", "", null, LocalDate.of(2025, 3, 19), "<p>" + WORD + "样例正文。</p>", List.of(),
                null, null, null, null, null, null, null));
        clock.reset();
    }

    @AfterAll
    void runTheClockAgain() {
        clock.reset();
    }

    private List<String> found(SearchQuery q) {
        return search.search(q).hits().stream().map(SearchHit::indexNo).toList();
    }

    private static SearchQuery query(boolean titleOnly, LocalDate from, LocalDate to, String kind, String org) {
        return new SearchQuery(WORD, null, org, null, null, null, null, null, 0, null, titleOnly, from, to, kind);
    }

    @Test
    void eachRecordHasAKindOfDocumentThatIsAFacetAndAFilter() {
        SearchAnswer all = search.search(SearchQuery.of(WORD));
        assertThat(all.hits()).extracting(SearchHit::indexNo).containsExactlyInAnyOrder(policy, interpretation, data,
                other);
        assertThat(all.facets().get("kind")).extracting(SearchAnswer.FacetCount::value, SearchAnswer.FacetCount::label,
                        SearchAnswer.FacetCount::count)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("policy", "政策文件", 1L),
                        org.assertj.core.groups.Tuple.tuple("interpretation", "政策解读", 1L),
                        org.assertj.core.groups.Tuple.tuple("data", "数据表格", 1L),
                        org.assertj.core.groups.Tuple.tuple("other", "其他信息", 1L));
        assertThat(found(query(false, null, null, "policy", null))).containsExactly(policy);
        assertThat(found(query(false, null, null, "interpretation", null))).containsExactly(interpretation);
        assertThat(found(query(false, null, null, "data", null))).containsExactly(data);
        assertThat(found(query(false, null, null, "other", null))).containsExactly(other);
    }

    @Test
    void titleOnlyLeavesOutWhatSaysTheWordsInTheTextOnly() {
        assertThat(found(query(true, null, null, null, null))).containsExactlyInAnyOrder(policy, interpretation, data);
        // Words typed without spaces are split as usual, and must then all be in the title.
        assertThat(found(new SearchQuery("样例救助" + WORD, null, null, null, null, null, null, null, 0, null, true,
                null, null, null))).containsExactlyInAnyOrder(policy, interpretation, data);
        // A document number typed whole still finds its record.
        assertThat(found(new SearchQuery("宜民发〔2025〕88号", null, null, null, null, null, null, null, 0, null, true,
                null, null, null))).containsExactly(policy);
    }

    @Test
    void publicationDatesAreDaysInChinaBothIncluded() {
        LocalDate march12 = LocalDate.of(2025, 3, 12);
        LocalDate march15 = LocalDate.of(2025, 3, 15);
        assertThat(found(query(false, march12, march15, null, null))).containsExactlyInAnyOrder(interpretation, data);
        assertThat(found(query(false, LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 10), null, null)))
                .containsExactly(policy);
        assertThat(found(query(false, LocalDate.of(2025, 3, 16), null, null, null))).containsExactly(other);
        assertThat(found(query(false, null, LocalDate.of(2025, 3, 9), null, null))).isEmpty();
        assertThat(found(query(true, march12, march15, "data", "ycsmzj"))).containsExactly(data);
    }

    @Test
    void aDateThatIsNoneOrARangeBackwardsIsRefusedNamingTheFieldAndSearchesNothing() throws Exception {
        mvc.perform(get("/api/v1/search").param("q", WORD).param("from", "2026-13-45"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.detail").value("起始日期“2026-13-45”不是有效的日期，请按“年-月-日”填写，例如2026-01-31。"));
        mvc.perform(get("/api/v1/search").param("q", WORD).param("from", "2025-02-30").param("to", "gestern"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[1].field").value("to"));
        mvc.perform(get("/api/v1/search").param("q", WORD).param("from", "2025-03-20").param("to", "2025-03-10"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"))
                .andExpect(jsonPath("$.errors[0].message").value("截止日期（2025-03-10）早于起始日期（2025-03-20），请调换或修改。"));
        // The page says so beside the dates, keeps what was typed, and shows no results at all.
        String html = mvc.perform(get("/search").param("q", WORD).param("from", "2026-13-45").param("kind", "data"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("起始日期“2026-13-45”不是有效的日期", "role=\"alert\"", "value=\"2026-13-45\"",
                        "value=\"" + WORD + "\"", "<details class=\"advanced\" open")
                .doesNotContain("class=\"hits\"", "hit-title");
        assertThat(mvc.perform(get("/search").param("q", WORD).param("from", "2025-03-20").param("to", "2025-03-10"))
                .andReturn().getResponse().getContentAsString()).contains("截止日期（2025-03-10）早于起始日期（2025-03-20）")
                .doesNotContain("hit-title");
        // Slashes, dots and single digits are dates too.
        mvc.perform(get("/api/v1/search").param("q", WORD).param("from", "2025/3/12").param("to", "2025.3.15"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2));
    }

    @Test
    void theApiTakesTheAdvancedOptionsLeniently() throws Exception {
        mvc.perform(get("/api/v1/search").param("q", WORD).param("titleOnly", "true").param("kind", "data")
                        .param("org", "ycsmzj").param("from", "2025-03-01").param("to", "2025-03-31"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.hits[0].indexNo").value(data));
        // Anything but a yes is no; an unknown kind finds nothing, as an unknown code does.
        mvc.perform(get("/api/v1/search").param("q", WORD).param("titleOnly", "vielleicht"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(4));
        mvc.perform(get("/api/v1/search").param("q", WORD).param("kind", "<b>x</b>"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void whenTheFiltersLeaveNothingEachChosenFacetShowsWhatChangingItWouldFind() throws Exception {
        // The education bureau published no policy with the word.
        SearchAnswer none = search.search(query(false, null, null, "policy", "ycsjyj"));
        assertThat(none.hits()).isEmpty();
        assertThat(none.message()).startsWith("在所选条件下没有找到信息");
        assertThat(none.facets().keySet()).containsExactly("kind", "org");
        assertThat(none.facets().get("kind")).singleElement()
                .satisfies(c -> assertThat(c.value() + c.count()).isEqualTo("other1"));
        assertThat(none.facets().get("org")).singleElement()
                .satisfies(c -> assertThat(c.label() + c.count()).isEqualTo("宜春市民政局1"));

        String html = mvc.perform(get("/search").param("q", WORD).param("kind", "policy").param("org", "ycsjyj")
                .param("titleOnly", "true")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<summary>筛选</summary>", "信息类型：政策文件", "发布机构：宜春市教育局", "查找范围：仅标题")
                // Choosing the other organisation keeps the kind and title only.
                .contains("href=\"/search?q=%E8%93%9D%E8%8E%93%E6%A3%80%E7%B4%A2&amp;kind=policy&amp;org=ycsmzj"
                        + "&amp;titleOnly=true\"")
                .doesNotContain("data-fold-narrow");

        // A range that holds nothing is not a facet: the message says the words alone find something.
        SearchAnswer outOfRange = search.search(query(false, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                null, null));
        assertThat(outOfRange.facets()).isEmpty();
        assertThat(outOfRange.message()).isEqualTo("在所选条件下没有找到信息；不加条件时有4条，请去掉某个条件。");
        mvc.perform(get("/search").param("q", WORD).param("from", "2024-01-01").param("to", "2024-12-31"))
                .andExpect(content().string(containsString("发布日期：2024-01-01 至 2024-12-31")))
                .andExpect(content().string(containsString(">全部</a>")));
        // Words that find nothing anywhere keep the plain message.
        assertThat(search.search(new SearchQuery("zzqqxx", null, null, null, null, null, null, null, 0, null, false,
                null, null, "policy")).message()).startsWith("没有找到符合条件的信息");
    }

    @Test
    void theFormKeepsTheQueryAndEveryFilterAndWorksWithoutScript() throws Exception {
        String html = mvc.perform(get("/search").param("q", WORD).param("domain", "social-assistance")
                        .param("year", "2025").param("kind", "data").param("org", "ycsmzj").param("order", "date"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html)
                .contains("<form method=\"get\" action=\"/search\" role=\"search\"")
                .contains("<details class=\"advanced\">") // a kind and a body chosen are named among the filters
                .contains("<input type=\"hidden\" name=\"domain\" value=\"social-assistance\">")
                .contains("<input type=\"hidden\" name=\"year\" value=\"2025\">")
                .contains("<input type=\"hidden\" name=\"order\" value=\"date\">")
                .contains("<option value=\"data\" selected=\"selected\">数据表格</option>")
                .contains("<option value=\"ycsmzj\" selected=\"selected\">宜春市民政局</option>")
                .contains("<option value=\"fxxzf\">奉新县人民政府</option>")
                .contains("name=\"titleOnly\" value=\"true\"", "name=\"from\" type=\"date\"", "name=\"to\" type=\"date\"")
                // The facets of a page with results fold on a phone.
                .contains("data-fold-narrow=\"true\"");
        // The facet links keep the advanced options.
        assertThat(mvc.perform(get("/search").param("q", WORD).param("titleOnly", "true").param("from", "2025-03-01"))
                .andReturn().getResponse().getContentAsString())
                .contains("&amp;kind=data&amp;titleOnly=true&amp;from=2025-03-01\"")
                // Open, but folded on a phone where results follow.
                .contains("<details class=\"advanced\" data-fold-narrow=\"true\" open=\"open\">");
        // Without advanced options the details stay folded.
        mvc.perform(get("/search").param("q", WORD))
                .andExpect(content().string(containsString("<details class=\"advanced\">")));
    }

    @Test
    void hostileInputIsShownAsTextAndNeverAnError() throws Exception {
        for (String q : new String[] {"<script>alert(1)</script>" + WORD, WORD + "\"><img src=x onerror=alert(1)>",
                "蓝".repeat(5000), "\t" + WORD + "\r\n"}) {
            String html = mvc.perform(get("/search").param("q", q).param("titleOnly", "on").param("kind", "<i>k</i>")
                            .param("from", "2025-01-01").accept(MediaType.TEXT_HTML))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).doesNotContain("<script>alert", "<img src=x", "<i>k</i>");
            mvc.perform(get("/api/v1/search").param("q", q).param("titleOnly", "1").param("to", "2030-01-01"))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/search").param("q", "<script>alert(1)</script>" + WORD))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }
}
