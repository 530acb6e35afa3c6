package gongkai.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import gongkai.publishing.RecordInput;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The reading bar's switches (长者模式, 字号, 简体/繁體) as links that work without scripts, the preferences kept in
 * cookies, and the Traditional view: every page converted as a whole, links, ids, hashes and the JSON API left as
 * they are; search takes either script.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadingModesTest {

    private static final String TITLE = "关于发放2026年贫困家庭医疗救助资金的公告（阅读测试）";

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    private String indexNo;

    @BeforeAll
    void aRecord() {
        indexNo = review.publish(Staff.of("ycsmzj"), new RecordInput("sa-policy", "ycsmzj", "360900", TITLE, "",
                null, LocalDate.of(2026, 9, 1),
                "<p>经复核，向贫困家庭发放医疗救助资金，干部应于10日内答复群众咨询。</p>", List.of(), null, null, null,
                null, null, null, null));
    }

    private MockHttpServletResponse fetch(String path, Cookie... cookies) throws Exception {
        var request = get(java.net.URI.create(path)).accept(MediaType.TEXT_HTML);
        if (cookies.length > 0) {
            request.cookie(cookies);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static Cookie hant() {
        return new Cookie("reading_lang", "zh-Hant");
    }

    private String recordPath() {
        return "/records/" + indexNo.replace("/", "%2F");
    }

    @Test
    void eachSwitchKeepsTheChoiceForAYearAndGoesBackToThePage() throws Exception {
        MockHttpServletResponse elder = fetch("/preferences?elder=on&return=/catalog%3Fx%3D1");
        assertThat(elder.getStatus()).isEqualTo(303);
        assertThat(elder.getHeader("Location")).isEqualTo("/catalog?x=1");
        assertThat(elder.getHeader("Set-Cookie")).startsWith("reading_elder=on").contains("Path=/",
                "Max-Age=31536000", "SameSite=Lax");
        assertThat(fetch("/preferences?size=xlarge&return=/").getHeader("Set-Cookie")).startsWith("reading_size=xlarge");
        MockHttpServletResponse lang = fetch("/preferences?lang=zh-Hant&return=/records?page=2%26lang=zh-Hans");
        assertThat(lang.getHeaders("Set-Cookie")).hasSize(1).allMatch(c -> c.startsWith("reading_lang=zh-Hant"));
        // A lang of the page itself would undo the choice: it is left out of the way back.
        assertThat(lang.getHeader("Location")).isEqualTo("/records?page=2");

        String page = fetch("/catalog", new Cookie("reading_elder", "on"), new Cookie("reading_size", "xlarge"))
                .getContentAsString();
        assertThat(page).containsPattern("<html[^>]* class=\"elder text-xlarge\"")
                .contains("退出长者模式", "href=\"/preferences?elder=off&amp;return=/catalog\"");
        assertThat(fetch("/catalog").getContentAsString()).doesNotContain("class=\"elder")
                .contains("href=\"/preferences?elder=on&amp;return=/catalog\"");
    }

    @Test
    void anotherSiteIsNoPlaceToGoBackTo() throws Exception {
        for (String back : List.of("https://evil.example/", "//evil.example/x", "/\\evil.example", "evil",
                "/\r\nSet-Cookie:x=1", "/\t/evil.example", "javascript:alert(1)")) {
            MockHttpServletResponse answer = fetch("/preferences?elder=on&return="
                    + java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(answer.getStatus()).as(back).isEqualTo(400);
            assertThat(answer.getHeader("Location")).as(back).isNull();
            assertThat(answer.getHeader("Set-Cookie")).as(back).isNull();
            assertThat(answer.getContentAsString()).as(back).contains("返回地址无效：只能返回本站的页面");
        }
    }

    @Test
    void aBadValueIsRefusedWithAMessageAndChangesNothing() throws Exception {
        MockHttpServletResponse elder = fetch("/preferences?elder=maybe&return=/");
        assertThat(elder.getStatus()).isEqualTo(400);
        assertThat(elder.getHeader("Set-Cookie")).isNull();
        assertThat(elder.getContentAsString()).contains("长者模式的取值无效：只能是 on（开启）或 off（关闭）。");
        assertThat(fetch("/preferences?size=huge").getContentAsString()).contains("字号的取值无效");
        assertThat(fetch("/preferences?lang=en").getContentAsString()).contains("文字的取值无效");
        assertThat(fetch("/preferences?return=/").getContentAsString()).contains("没有选择要更改的阅读设置");
        // A cookie that says something else is read as the default.
        assertThat(fetch("/catalog", new Cookie("reading_size", "huge")).getContentAsString())
                .doesNotContain("class=\"text-");
    }

    @Test
    void theTraditionalViewConvertsWhatPeopleReadAndNothingProgramsRead() throws Exception {
        String page = fetch(recordPath(), hant()).getContentAsString();
        assertThat(page).containsPattern("<html[^>]* lang=\"zh-Hant\"")
                .contains("關於發放2026年貧困家庭醫療救助資金的公告（閱讀測試）",
                        "經復核", "向貧困家庭發放醫療救助資金", "幹部應於10日內答覆群眾諮詢", "首頁")
                .doesNotContain("关于发放", "首页")
                // The switch names each script in its own.
                .contains(">简体</a>", ">繁體</a>")
                .contains("href=\"/css/site-", "id=\"main\"", "href=\"/search\"");
        String simplified = fetch(recordPath()).getContentAsString();
        assertThat(simplified).containsPattern("<html[^>]* lang=\"zh-Hans\"").contains(TITLE);
        // Every href, id and class is the same in both views, and so is the content's digest.
        assertThat(attributes(page)).isEqualTo(attributes(simplified));
        JsonNode api = json.readTree(mvc.perform(get("/api/v1/records/{n}", indexNo).cookie(hant()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(api.get("title").stringValue()).isEqualTo(TITLE);
        assertThat(page).contains(api.get("contentSha256").stringValue());
        // ?lang= switches one page and keeps the choice; a feed stays as written.
        MockHttpServletResponse switched = fetch("/catalog?lang=zh-Hant");
        assertThat(switched.getContentAsString()).contains("公開目錄");
        assertThat(switched.getHeader("Set-Cookie")).startsWith("reading_lang=zh-Hant");
        assertThat(mvc.perform(get("/feeds/records.atom").cookie(hant())).andReturn().getResponse()
                .getContentAsString()).contains(TITLE);
    }

    @Test
    void theBackOfficeHasTheScriptSwitchAndIsConvertedToo() throws Exception {
        String login = fetch("/admin/login", hant()).getContentAsString();
        assertThat(login).containsPattern("<html[^>]* lang=\"zh-Hant\"").contains("登錄後台", ">繁體</a>")
                .doesNotContain("长者模式");
    }

    @Test
    void keptPagesAreKeptApartByTheReadersChoices() throws Exception {
        fetch("/orgs");
        assertThat(fetch("/orgs", new Cookie("reading_elder", "on")).getContentAsString()).contains("class=\"elder\"");
        assertThat(fetch("/orgs", hant()).getContentAsString()).contains("公開機構");
        assertThat(fetch("/orgs").getContentAsString()).doesNotContain("class=\"elder\"").contains("公开机构");
    }

    @Test
    void searchTakesEitherScript() throws Exception {
        for (String[] pair : new String[][] {{"贫困", "貧困"}, {"医疗救助", "醫療救助"}, {"发放", "發放"}}) {
            Set<String> simplified = hits(pair[0]);
            assertThat(simplified).as(pair[0]).contains(indexNo);
            assertThat(hits(pair[1])).as(pair[1]).isEqualTo(simplified);
        }
        String page = fetch("/search?q=" + java.net.URLEncoder.encode("醫療救助", java.nio.charset.StandardCharsets.UTF_8),
                hant()).getContentAsString();
        assertThat(page).contains("閱讀測試").contains("value=\"醫療救助\"");
    }

    private Set<String> hits(String q) throws Exception {
        JsonNode answer = json.readTree(mvc.perform(get("/api/v1/search").param("q", q)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        Set<String> found = new TreeSet<>();
        answer.get("hits").forEach(h -> found.add(h.get("indexNo").stringValue()));
        return found;
    }

    private static List<String> attributes(String html) {
        List<String> found = new java.util.ArrayList<>();
        var m = java.util.regex.Pattern.compile(" (href|id|class|src|action|name)=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            found.add(m.group(1) + "=" + m.group(2));
        }
        return found;
    }
}
