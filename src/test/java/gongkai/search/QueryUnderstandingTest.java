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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Queries as residents type them (issue 12): without spaces, with Chinese numerals, with a body's short name, with a
 * 文号 typed without its brackets, with a typo; and what a query that finds nothing offers instead.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryUnderstandingTest {

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

    @Autowired
    RecordSearch search;
    @Autowired
    MockMvc mvc;

    private String deadline;
    private String literacy;

    private static RecordInput policy(String title, String number, String body) {
        return new RecordInput("sa-policy", "ycsmzj", "360900", title, "", number, LocalDate.of(2026, 6, 1), body,
                List.of(), null, null, null, null, null, null, null);
    }

    @BeforeAll
    void publish() {
        Staff s = Staff.of("ycsmzj");
        deadline = review.publish(s, policy("关于规范审批时限的通知（理解测试）", "宜民规〔2026〕9号",
                "<p>乡镇（街道）应在20个工作日内对临时救助申请作出审批决定。</p>"));
        literacy = review.publish(s, policy("2025年度居民健康素养监测情况通报（理解测试）", null,
                "<p>全市居民健康素养水平稳步提升。</p>"));
    }

    private List<String> found(String q) {
        return search.search(SearchQuery.of(q)).hits().stream().map(SearchHit::indexNo).toList();
    }

    @Test
    void chineseNumeralsFindDigitsAndTheReverse() {
        assertThat(found("二十个工作日")).contains(deadline);
        assertThat(found("20个工作日")).contains(deadline);
        assertThat(search.search(SearchQuery.of("二十个工作日")).hits()).filteredOn(h -> h.indexNo().equals(deadline))
                .singleElement().satisfies(h -> assertThat(String.join("", h.fragments()))
                        .contains("<mark>20个工作日</mark>"));
        assertThat(found("二〇二五年度 健康素养")).contains(literacy);
        assertThat(found("２０２５年度")).contains(literacy);
    }

    @Test
    void aNumberWrittenAgainstChineseIsFoundByTheNumberAndByTheWords() {
        assertThat(found("2025年 健康素养")).containsExactly(literacy);
        assertThat(found("2025年健康素养")).containsExactly(literacy);
        assertThat(found("2025 理解测试")).containsExactly(literacy);
        assertThat(found("居民健康素养监测")).first().isEqualTo(literacy);
    }

    @Test
    void aDocumentNumberIsFoundHoweverItsBracketsAreTyped() {
        for (String typed : List.of("宜民规〔2026〕9号", "宜民规2026 9号", "宜民规[2026]9号", "宜民规（2026）9号",
                "宜民规 2026 9号", "宜民规【2026】9號")) {
            assertThat(found(typed)).as(typed).first().isEqualTo(deadline);
        }
        assertThat(found("宜民规2026 8号")).doesNotContain(deadline);
        String spaced = deadline.replace("/", " / ").replace("-", " - ");
        assertThat(found(spaced)).as(spaced).first().isEqualTo(deadline);
    }

    @Test
    void aBodysNameAndItsShortFormsFindItsRecordsAndOfferIt() throws Exception {
        for (String q : List.of("宜春市民政局", "市民政局", "民政局")) {
            SearchAnswer answer = search.search(SearchQuery.of(q));
            // Neither record says 民政局 anywhere: they are found because that body published them.
            assertThat(answer.hits()).extracting(SearchHit::indexNo).as(q).contains(deadline, literacy);
            assertThat(answer.related()).as(q).anySatisfy(r -> {
                assertThat(r.note()).isNull();
                assertThat(r.kind()).isEqualTo("org");
                assertThat(r.code()).isEqualTo("ycsmzj");
                assertThat(r.page()).isEqualTo("/orgs/ycsmzj");
            });
        }
        assertThat(found("民政局理解测试")).containsExactlyInAnyOrder(deadline, literacy);
        assertThat(found("教育局理解测试")).isEmpty();
        String html = mvc.perform(get("/search").param("q", "市民政局")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(html).contains("href=\"/orgs/ycsmzj\"").contains("org=ycsmzj");
    }

    @Test
    void aCatalogueItemsNameFindsTheItemsRecords() {
        SearchAnswer answer = search.search(SearchQuery.of("救助对象认定、救助标准和申请审批程序"));
        assertThat(answer.hits()).extracting(SearchHit::indexNo).contains(deadline, literacy);
        assertThat(answer.related()).anySatisfy(r -> assertThat(r.page()).isEqualTo("/catalog/sa-policy"));
    }

    @Test
    void aTypoOfOneCharacterIsRespelledAndSaidSo() throws Exception {
        // 就 for 救: the same sound, the commonest kind of typo with a pinyin keyboard.
        SearchAnswer answer = search.search(SearchQuery.of("临时就助审批时限"));
        assertThat(answer.respelled()).isEqualTo("临时救助审批时限");
        assertThat(answer.hits()).extracting(SearchHit::indexNo).contains(deadline);
        assertThat(answer.message()).contains("以下是“临时救助审批时限”的结果");
        mvc.perform(get("/search").param("q", "临时就助审批时限")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("以下是“临时救助审批时限”的结果")));
    }

    @Test
    void nothingFoundOffersTheClosestItemsAndBodies() throws Exception {
        SearchAnswer answer = search.search(SearchQuery.of("某村低保名单"));
        assertThat(answer.hits()).isEmpty();
        // The village lists are 救助和福利补贴发放情况, whose table offers 城乡低保; they are not public, but the item says how
        // they are published.
        assertThat(answer.related()).anySatisfy(r -> {
            assertThat(r.page()).isEqualTo("/catalog/sa-recipients");
            assertThat(r.note()).isEqualTo("仅向所涉区域的居民或特定群体公开，不在搜索结果中显示");
        });
        String html = mvc.perform(get("/search").param("q", "某村低保名单")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(html).contains("href=\"/catalog/sa-recipients\"").contains("不在搜索结果中显示");
        assertThat(search.search(SearchQuery.of("量子引力波")).related()).isEmpty();
    }
}
