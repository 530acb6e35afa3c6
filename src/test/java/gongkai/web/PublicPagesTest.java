package gongkai.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.support.PlatformTest;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What a visitor sees without signing in. */
@PlatformTest
class PublicPagesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void homeShowsTheSevenFields() throws Exception {
        mvc.perform(get("/").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("lang=\"zh-Hans\""), containsString("精准扶贫精准脱贫"),
                        containsString("社会救助和社会福利"), containsString("教育"), containsString("基本医疗卫生"),
                        containsString("环境保护"), containsString("灾害事故救援"), containsString("公共文化体育"),
                        containsString("href=\"/domains/culture-sports\""), containsString("<main id=\"main\""),
                        // Anyone can find where to check what was published.
                        containsString("href=\"/verify\""))));
    }

    @Test
    void everyPublicPageOffersASearchBoxThatWorksWithoutJavaScript() throws Exception {
        for (String page : new String[] {"/", "/catalog", "/catalog/pa-project", "/orgs", "/regions/360900",
                "/requests/new", "/verify"}) {
            mvc.perform(get(page).accept(MediaType.TEXT_HTML)).andExpect(status().isOk())
                    .andExpect(content().string(allOf(
                            containsString("<form class=\"site-search\" method=\"get\" action=\"/search\""),
                            containsString("<input id=\"site-q\" name=\"q\" type=\"search\""))));
        }
        // What the box sends is an ordinary search, whose page has its own box instead.
        mvc.perform(get("/search").param("q", "低保").accept(MediaType.TEXT_HTML)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("搜索公开信息"),
                        org.hamcrest.Matchers.not(containsString("class=\"site-search\"")))));
    }

    @Test
    void pagesKeepTheirAddressesToThisSite() throws Exception {
        // An address may carry an access or query code: other sites must not receive it as a referrer.
        mvc.perform(get("/requests/track")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Referrer-Policy", "same-origin"));
    }

    @Test
    void projectItemShowsItsNineFields() throws Exception {
        String html = mvc.perform(get("/catalog/pa-project")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        int rows = html.split("<th scope=\"row\"", -1).length - 1;
        org.assertj.core.api.Assertions.assertThat(rows).isEqualTo(9);
        org.assertj.core.api.Assertions.assertThat(html).contains("项目名称", "资金来源", "举报电话", "检查验收结果",
                "信息形成或者变更之日起20个工作日内", "宜春市扶贫和移民办公室");
    }

    @Test
    void targetedItemSaysWhoSeesIt() throws Exception {
        mvc.perform(get("/catalog/pa-identification")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("向特定区域、特定群体公开"), containsString("户主姓名"),
                        containsString("按规则遮蔽"))));
    }

    @Test
    void organisationPageShowsItsResponsibleLeader() throws Exception {
        mvc.perform(get("/orgs/ycsmzj")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("宜春市民政局"), containsString("分管领导"),
                        containsString("id=\"responsible-leader\""), containsString("信息公开联络员"))));
    }

    @Test
    void organisationPageSaysInChineseWhatTheBodyAnswersFor() throws Exception {
        mvc.perform(get("/orgs/ycsmzj")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<dd id=\"org-fields\">社会救助和社会福利</dd>")))
                .andExpect(content().string(not(containsString("social assistance"))));
        mvc.perform(get("/orgs/yzqzf")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("精准扶贫精准脱贫、社会救助和社会福利、教育"),
                        not(containsString("all fields")))));
        mvc.perform(get("/orgs/ycszfb")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("主管本级政府信息公开工作"), not(containsString("assessment, supervision")))));
    }

    @Test
    void renamedOrganisationShowsItsNameHistory() throws Exception {
        mvc.perform(get("/orgs/ycshbj")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("宜春市生态环境局"), containsString("宜春市环境保护局"),
                        containsString("名称沿革"))));
    }

    @Test
    void domainAndRegionPages() throws Exception {
        mvc.perform(get("/domains/social-assistance")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("城乡低保"), containsString("救助和福利补贴发放情况"))));
        mvc.perform(get("/regions/360902")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("袁州区"), containsString("袁州区人民政府"),
                        containsString("灵泉街道"), containsString("GB/T 2260 行政区划代码"),
                        // The county's page names its government's responsible leader, as the government's page does.
                        containsString("袁州区人民政府信息公开负责人"), containsString("id=\"responsible-leader\""))));
        mvc.perform(get("/regions/360902001")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("国家统计局统计用区划代码"), not(containsString("NBS")),
                        not(containsString("id=\"responsible-leader\"")))));
    }

    @Test
    void unknownThingsGiveAChineseNotFoundPage() throws Exception {
        mvc.perform(get("/catalog/no-such-item").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("目录中没有代码为“no-such-item”的事项")));
        mvc.perform(get("/domains/nope").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
    }

    @Test
    void jsonApisAnswer() throws Exception {
        mvc.perform(get("/api/v1/catalog")).andExpect(status().isOk())
                // The plan's seven fields, the four sections of public institutions and charities, the disclosure work.
                .andExpect(jsonPath("$.domains.length()").value(12))
                .andExpect(jsonPath("$.domains[11].code").value("gov-disclosure"))
                .andExpect(jsonPath("$.domains[6].code").value("culture-sports"))
                .andExpect(jsonPath("$.domains[7].code").value("pi-education"))
                .andExpect(jsonPath("$.domains[0].items[2].code").value("pa-project"))
                .andExpect(jsonPath("$.domains[0].items[2].fields.length()").value(9));
        mvc.perform(get("/api/v1/orgs/ycsmzj")).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("宜春市民政局"))
                .andExpect(jsonPath("$.responsibleLeader").exists());
        mvc.perform(get("/api/v1/regions").param("parent", "360900")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(13));
        mvc.perform(get("/api/v1/regions/nope")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("没有代码为“nope”的行政区划。"));
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/users")));
    }

    @Test
    void operationsEndpoints() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
    }

    @Test
    void assetsAreLocalAndKeptForAYearUnderTheNameOfTheirContent() throws Exception {
        String html = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(html).doesNotContain("http://", "https://");
        java.util.regex.Matcher css = java.util.regex.Pattern.compile("href=\"(/css/site-[0-9a-f]{32}\\.css)\"")
                .matcher(html);
        org.assertj.core.api.Assertions.assertThat(css.find()).as("stylesheet named by its content").isTrue();
        mvc.perform(get(css.group(1))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Cache-Control", "max-age=31536000, public, immutable"));
        // Its plain name (an old link) still works, but may change under it: asked again each time.
        mvc.perform(get("/css/site.css")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Cache-Control", "no-cache"));
    }
}
