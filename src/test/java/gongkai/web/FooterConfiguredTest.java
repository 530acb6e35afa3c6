package gongkai.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The footer with the issued items and a contact configured: each shows, the ICP number linked to its record search. */
@PlatformTest
@TestPropertySource(properties = {"gongkai.site.identifier-code=3609000099", "gongkai.site.icp-number=赣ICP备12345678号",
        "gongkai.site.party-mark-url=https://bszs.conac.cn/sitename?method=show&id=TEST",
        "gongkai.site.contact-phone=0795-7654321", "gongkai.site.contact-email=web@example.org"})
class FooterConfiguredTest {

    @Autowired
    MockMvc mvc;

    @Test
    void configuredItemsShowAndTheMarkIsATextLinkWithoutAnImage() throws Exception {
        String footer = FooterAndSitePagesTest.footer(FooterAndSitePagesTest.page(mvc, "/sitemap"));
        assertThat(footer).contains("网站标识码：<span>3609000099</span>",
                "<a href=\"https://beian.miit.gov.cn/\">赣ICP备12345678号</a>",
                "href=\"https://bszs.conac.cn/sitename?method=show&amp;id=TEST\"", "<span>党政机关网站标识</span>",
                "联系我们", "0795-7654321", "mailto:web@example.org")
                .doesNotContain("<img");
    }
}
