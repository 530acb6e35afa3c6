package gongkai.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogItem;
import gongkai.publishing.RecordInput;
import gongkai.support.MovableClock;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Catalogue item codes such as {@code sa-funds} are for programs, not for residents: no public page shows one as text,
 * except the item's own page in its folded 供数据复用 block, which names the API paths that use it. Links may carry
 * them.
 */
@PlatformTest
@Import(MovableClock.Config.class)
class CatalogCodesOffPublicPagesTest {

    private static final String REUSE_BLOCK = "<details class=\"advanced reuse\" id=\"reuse\">";

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

    @Autowired
    MockMvc mvc;
    @Autowired
    Catalog catalog;

    @Test
    void noPublicPageShowsACatalogueCodeAsText() throws Exception {
        String indexNo = review.publish(Staff.of("ycswjw"), new RecordInput("he-campaign", "ycswjw", "360900",
                "健康促进代码检查测试活动安排", "", null, LocalDate.of(2026, 10, 9), "<p>活动安排如下。</p>",
                List.of("健康促进"), null, null, null, null, null, null, null));

        List<String> pages = List.of("/", "/domains/health", "/catalog", "/catalog/he-campaign", "/orgs/ycswjw",
                "/orgs/ycswjw/guide", "/regions/360902", "/records/" + indexNo.replace("/", "%2F"),
                "/records?org=ycswjw&item=he-campaign", "/search?q=" + "代码检查测试");
        for (String page : pages) {
            String html = mvc.perform(get(URI.create(encode(page)))).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString();
            if (page.equals("/search?q=代码检查测试")) {
                // Highlights mark the words found inside the title.
                assertThat(html.replaceAll("<[^>]*>", "")).as("the search finds the record").contains("健康促进代码检查测试活动安排");
            }
            if (page.equals("/catalog/he-campaign")) {
                int start = html.indexOf(REUSE_BLOCK);
                assertThat(start).as("the item page folds its code away for data reuse").isNotNegative();
                String reuse = html.substring(start, html.indexOf("</details>", start));
                assertThat(reuse).contains("<summary>供数据复用</summary>", "<code>he-campaign</code>",
                        "GET /api/v1/records?item=he-campaign");
                html = html.substring(0, start) + html.substring(html.indexOf("</details>", start));
            }
            String text = visibleText(html);
            for (CatalogItem item : catalog.items()) {
                assertThat(Pattern.compile("(?<![A-Za-z0-9-])" + Pattern.quote(item.code()) + "(?![A-Za-z0-9-])")
                        .matcher(text).find()).as("%s shows the code %s: %s", page, item.code(), text).isFalse();
            }
        }
    }

    /** What a reader sees: no scripts, styles or comments, no tags and so no attributes, entities decoded. */
    private static String visibleText(String html) {
        String text = html.replaceAll("(?is)<script\\b.*?</script>", " ").replaceAll("(?is)<style\\b.*?</style>", " ")
                .replaceAll("(?s)<!--.*?-->", " ").replaceAll("<[^>]*>", " ");
        return HtmlUtils.htmlUnescape(text).replaceAll("\\s+", " ");
    }

    private static String encode(String page) {
        return page.replace("代码检查测试", "%E4%BB%A3%E7%A0%81%E6%A3%80%E6%9F%A5%E6%B5%8B%E8%AF%95");
    }
}
