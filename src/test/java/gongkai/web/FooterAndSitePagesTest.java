package gongkai.web;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import gongkai.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The footer with nothing of {@code gongkai.site.*} set (the production default): the issued items are left out, the
 * site's own pages are linked; the site map and the accessibility statement answer, and every link on them leads
 * somewhere.
 */
@PlatformTest
class FooterAndSitePagesTest {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    @Autowired
    MockMvc mvc;

    static String page(MockMvc mvc, String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    static String footer(String html) {
        return html.substring(html.indexOf("<footer"), html.indexOf("</footer>"));
    }

    @Test
    void unsetItemsAreLeftOutAndTheSitesOwnPagesAreLinked() throws Exception {
        String footer = footer(page(mvc, "/"));
        assertThat(footer).doesNotContain("网站标识码", "beian.miit.gov.cn", "党政机关网站标识", "联系我们")
                .contains("href=\"/sitemap\"", "href=\"/accessibility\"", "我为政府网站找错");
    }

    @Test
    void findAnErrorOpensTheComplaintFormWithCategoryAndSubjectPreset() throws Exception {
        String footer = footer(page(mvc, "/"));
        Matcher m = Pattern.compile("href=\"([^\"]*)\">我为政府网站找错").matcher(footer);
        assertThat(m.find()).isTrue();
        String form = mvc.perform(get(java.net.URI.create(HtmlUtils.htmlUnescape(m.group(1)))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("value=\"我为政府网站找错\"")
                .containsPattern("<option value=\"OTHER\"[^>]*selected");
    }

    @Test
    void theSiteMapAndTheStatementAnswerAndEveryLinkOnThemLeadsSomewhere() throws Exception {
        String sitemap = page(mvc, "/sitemap");
        assertThat(sitemap).contains("<h1>网站地图</h1>", "/domains/", "/regions/", "href=\"/code\"");
        String statement = page(mvc, "/accessibility");
        assertThat(statement).contains("GB/T 37668-2019", "键盘", "对比度", "文本替代", "缩放", "反映无障碍问题");
        Set<String> links = new LinkedHashSet<>();
        for (String html : new String[] {main(sitemap), main(statement)}) {
            Matcher m = HREF.matcher(html);
            while (m.find()) {
                links.add(HtmlUtils.htmlUnescape(m.group(1)));
            }
        }
        assertThat(links).hasSizeGreaterThan(30);
        for (String link : links) {
            assertThat(link).as("a link within the site").startsWith("/");
            int status = mvc.perform(get(java.net.URI.create(link))).andReturn().getResponse().getStatus();
            assertThat(status).as(link).isLessThan(400);
        }
    }

    private static String main(String html) {
        return html.substring(html.indexOf("<main"), html.indexOf("</main>"));
    }
}
