package gongkai.publishing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriUtils;

import gongkai.shared.Actor;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.InvalidInputProblem.FieldError;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A record states its document category (文件类别: 规章, 行政规范性文件 or other) and how long it is valid (有效期至).
 * Only the city government's records are 规章, and a term cannot end before the document was written; the form and
 * the API refuse both through the one entry check. Both are part of the published content, its hash and its pages.
 */
@PlatformTest
class DocumentCategoryTest extends PublishingFixture {

    /** 政府信息公开制度: an event item that the city office, the departments and the counties answer for. */
    private static final String ITEM = "gd-rules";
    private static final String CITY_OFFICE = "ycszfb";

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

    @Test
    void theCityGovernmentsRegulationIsPublishedWithItsTermOnThePageAndInTheJson() throws Exception {
        String indexNo = review.publish(Staff.of(CITY_OFFICE), input(CITY_OFFICE, "宜春市政府信息公开规定（规章）",
                LocalDate.of(2026, 3, 1), "REGULATION", LocalDate.of(2031, 2, 28)));
        String path = UriUtils.encodePathSegment(indexNo, StandardCharsets.UTF_8);

        mvc.perform(get(URI.create("/api/v1/records/" + path))).andExpect(status().isOk())
                .andExpect(jsonPath("$.documentCategory").value("REGULATION"))
                .andExpect(jsonPath("$.validUntil").value("2031-02-28"))
                .andExpect(jsonPath("$.content.documentCategory").value("REGULATION"))
                .andExpect(jsonPath("$.content.validUntil").value("2031-02-28"));
        mvc.perform(get(URI.create("/records/" + path))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<th scope=\"row\">文件类别</th><td colspan=\"3\">规章</td>")))
                .andExpect(content().string(containsString(
                        "<th scope=\"row\">有效期至</th><td colspan=\"3\"><span>2031-02-28</span></td>")))
                .andExpect(content().string(not(containsString("（已失效）"))));
    }

    @Test
    void aDocumentWhoseTermHasRunOutSaysSoAndAnOtherDocumentShowsNoCategory() throws Exception {
        String indexNo = review.publish(Staff.of("ycsmzj"), input("ycsmzj", "2025年度政务公开工作要点（已到期）",
                LocalDate.of(2025, 1, 6), null, LocalDate.of(2025, 12, 31)));
        String path = UriUtils.encodePathSegment(indexNo, StandardCharsets.UTF_8);

        mvc.perform(get(URI.create("/records/" + path))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<span>2025-12-31</span><span>（已失效）</span>")))
                .andExpect(content().string(not(containsString("文件类别"))));
        mvc.perform(get(URI.create("/api/v1/records/" + path))).andExpect(status().isOk())
                .andExpect(jsonPath("$.documentCategory").value("OTHER"))
                .andExpect(jsonPath("$.content.documentCategory").doesNotExist())
                .andExpect(jsonPath("$.content.validUntil").value("2025-12-31"));
    }

    @Test
    void aRecordThatStatesNeitherHasTheContentItHadBefore() throws Exception {
        String indexNo = review.publish(Staff.of("ycsmzj"), input("ycsmzj", "政务公开保密审查办法（无类别）",
                LocalDate.of(2026, 4, 1), "other", null));
        mvc.perform(get(URI.create("/api/v1/records/" + UriUtils.encodePathSegment(indexNo, StandardCharsets.UTF_8))))
                .andExpect(jsonPath("$.documentCategory").value("OTHER"))
                .andExpect(jsonPath("$.validUntil").isEmpty())
                .andExpect(jsonPath("$.content.documentCategory").doesNotExist())
                .andExpect(jsonPath("$.content.validUntil").doesNotExist());
    }

    @Test
    void aDepartmentOrACountyCannotIssueARegulation() {
        assertThat(refused(input("ycsmzj", "部门规章？", LocalDate.of(2026, 5, 1), "REGULATION", null)))
                .containsExactly(new FieldError("documentCategory", "规章只能由设区的市人民政府制定（立法法第九十三条），"
                        + "宜春市民政局发布的文件不能归为规章；如属行政规范性文件，请选择“行政规范性文件”。"));
        assertThat(refused(input("yfxzf", "县级规章？", LocalDate.of(2026, 5, 1), "regulation", null)))
                .extracting(FieldError::field).containsExactly("documentCategory");
    }

    @Test
    void aTermThatEndsBeforeTheDocumentWasWrittenIsRefused() {
        assertThat(refused(input("ycsmzj", "有效期有误", LocalDate.of(2026, 5, 1), "NORMATIVE",
                LocalDate.of(2026, 4, 30)))).containsExactly(new FieldError("validUntil",
                        "有效期至（2026-04-30）不能早于成文日期（2026-05-01）。"));
    }

    @Test
    void theApiRefusesAnUnknownCategoryAndThenABadTermAndStoresNothing() throws Exception {
        String editor = Acting.newUser(accounts, "ycsmzj", Role.EDITOR);
        String body = """
                {"catalogItem":"gd-rules","org":"ycsmzj","region":"360900","title":"文件类别检查（接口）",
                 "writtenOn":"2026-05-01","body":"<p>正文。</p>","documentCategory":"LAW","validUntil":"2026-04-01"}
                """;
        mvc.perform(post("/api/v1/records").with(httpBasic(editor, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].message",
                        hasItem("文件类别只能是 REGULATION（规章）、NORMATIVE（行政规范性文件）或 OTHER（其他文件）。")));
        mvc.perform(post("/api/v1/records").with(httpBasic(editor, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body.replace("LAW", "NORMATIVE")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].message", hasItem("有效期至（2026-04-01）不能早于成文日期（2026-05-01）。")));
        assertThat(jdbc.queryForObject("select count(*) from disclosure_record where title = '文件类别检查（接口）'",
                Integer.class)).isZero();
    }

    @Test
    void theApiTakesTheCategoryUnderTheNameApiMdGivesItToo() throws Exception {
        String editor = Acting.newUser(accounts, "ycsmzj", Role.EDITOR);
        String body = """
                {"catalogItem":"gd-rules","org":"ycsmzj","region":"360900","title":"行政规范性文件（接口）",
                 "writtenOn":"2026-05-01","body":"<p>正文。</p>","documentKind":"NORMATIVE","validUntil":"2028-04-30"}
                """;
        String created = mvc.perform(post("/api/v1/records").with(httpBasic(editor, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String draft = com.jayway.jsonpath.JsonPath.read(created, "$.indexNo");
        mvc.perform(get("/api/v1/records/{r}", draft).with(httpBasic(editor, Acting.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.documentCategory").value("NORMATIVE"))
                .andExpect(jsonPath("$.validUntil").value("2028-04-30"));
    }

    @Test
    void theFormAsksBothKeepsThemAndShowsARefusalInThePage() throws Exception {
        String editor = Acting.newUser(accounts, "ycsmzj", Role.EDITOR);
        mvc.perform(get("/admin/records/new").param("item", ITEM).with(page(editor))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<label for=\"documentCategory\">文件类别</label>")))
                .andExpect(content().string(containsString("<option value=\"NORMATIVE\">行政规范性文件</option>")))
                .andExpect(content().string(containsString("<label for=\"validUntil\">有效期至")));

        mvc.perform(form(editor, "REGULATION", "2027-12-31")).andExpect(status().isOk())
                .andExpect(content().string(containsString("规章只能由设区的市人民政府制定")))
                .andExpect(content().string(containsString("value=\"2027-12-31\"")));
        mvc.perform(form(editor, "NORMATIVE", "2026-01-31")).andExpect(status().isOk())
                .andExpect(content().string(containsString("有效期至（2026-01-31）不能早于成文日期（2026-02-01）。")));
        assertThat(jdbc.queryForObject("select count(*) from disclosure_record where title = '文件类别（表单）'",
                Integer.class)).isZero();

        String location = mvc.perform(form(editor, "NORMATIVE", "2027-12-31"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location + "/edit").with(page(editor))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"NORMATIVE\" selected=\"selected\">")))
                .andExpect(content().string(containsString("value=\"2027-12-31\"")));
        mvc.perform(get(location).with(page(editor))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<dt>文件类别</dt><dd>行政规范性文件</dd>")))
                .andExpect(content().string(containsString("<dt>有效期至</dt><dd>2027-12-31</dd>")));
    }

    private org.springframework.test.web.servlet.RequestBuilder form(String editor, String category, String until) {
        return post("/admin/records").with(page(editor)).with(csrf()).param("catalogItem", ITEM)
                .param("org", "ycsmzj").param("region", "360900").param("title", "文件类别（表单）")
                .param("writtenOn", "2026-02-01").param("body", "<p>正文。</p>")
                .param("documentCategory", category).param("validUntil", until);
    }

    private static RecordInput input(String org, String title, LocalDate writtenOn, String category,
            LocalDate validUntil) {
        return new RecordInput(ITEM, org, org.equals("yfxzf") ? "360924" : "360900", title, "", null, writtenOn,
                "<p>全文如下。</p>", List.of(), null, null, null, null, null, null, null, null, category, validUntil);
    }

    /** The problems of a draft entered by an editor of its organisation; nothing is stored. */
    private List<FieldError> refused(RecordInput input) {
        Integer before = jdbc.queryForObject("select count(*) from disclosure_record", Integer.class);
        List<FieldError> errors = new ArrayList<>();
        Actor editor = Acting.actor(input.org(), Role.EDITOR);
        assertThatThrownBy(() -> as(editor, () -> drafting.create(input)))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> errors.addAll(e.errors()));
        assertThat(jdbc.queryForObject("select count(*) from disclosure_record", Integer.class)).isEqualTo(before);
        return errors;
    }
}
