package gongkai.publishing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriUtils;

import com.jayway.jsonpath.JsonPath;

import gongkai.account.Accounts;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Writing through the API as API.md describes it, with real accounts and HTTP Basic. */
@PlatformTest
class RecordApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;

    @Test
    void draftSubmitReviewApproveThroughTheApi() throws Exception {
        String editor = Acting.newUser(accounts, "ycswjw", Role.EDITOR);
        String reviewer = Acting.newUser(accounts, "ycswjw", Role.REVIEWER);
        String approver = Acting.newUser(accounts, "ycswjw", Role.APPROVER);
        String body = """
                {"catalogItem":"he-campaign","org":"ycswjw","region":"360900","title":"2026年“健康中国行”宜春站活动安排",
                 "writtenOn":"2026-11-02","body":"<p>活动安排如下。</p>","keywords":["健康中国行"],"audience":"public"}
                """;
        String created = mvc.perform(post("/api/v1/records").with(httpBasic(editor, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.indexNo", startsWith("draft-")))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andReturn().getResponse().getContentAsString();
        String draft = JsonPath.read(created, "$.indexNo");

        mvc.perform(post("/api/v1/records/{r}/submit", draft).with(httpBasic(editor, Acting.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"));
        mvc.perform(post("/api/v1/records/{r}/review", draft).with(httpBasic(editor, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"PASS\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/records/{r}/review", draft).with(httpBasic(reviewer, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"MAYBE\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/records/{r}/review", draft).with(httpBasic(reviewer, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"PASS\",\"comment\":\"同意\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REVIEWED"));
        String approved = mvc.perform(post("/api/v1/records/{r}/approve", draft).with(httpBasic(approver, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"PASS\",\"comment\":\"发布\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.permanent").value(true))
                .andReturn().getResponse().getContentAsString();
        String indexNo = JsonPath.read(approved, "$.indexNo");
        String encoded = UriUtils.encodePathSegment(indexNo, StandardCharsets.UTF_8);

        mvc.perform(get(URI.create("/api/v1/records/" + encoded))).andExpect(status().isOk())
                .andExpect(jsonPath("$.indexNo").value(indexNo))
                .andExpect(jsonPath("$.publisher").value("宜春市卫生健康委员会"))
                .andExpect(jsonPath("$.contentSha256").exists())
                .andExpect(jsonPath("$.steps").isEmpty());
        mvc.perform(get("/api/v1/records").param("org", "ycswjw")).andExpect(status().isOk())
                .andExpect(content().string(containsString(indexNo)));
        mvc.perform(post(URI.create("/api/v1/records/" + encoded + "/withdraw"))
                        .with(httpBasic(approver, Acting.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"活动延期\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WITHDRAWN"));
        mvc.perform(get(URI.create("/records/" + encoded))).andExpect(status().isOk())
                .andExpect(content().string(containsString("活动延期")));
    }

    @Test
    void writesNeedSignInAndBadBodiesNameTheField() throws Exception {
        mvc.perform(post("/api/v1/records").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
        String editor = Acting.newUser(accounts, "ycswjw", Role.EDITOR);
        mvc.perform(post("/api/v1/records").with(httpBasic(editor, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"catalogItem\":\"he-campaign\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems("org", "region", "title",
                        "writtenOn")));
        mvc.perform(post("/api/v1/records/draft-999999/submit").with(httpBasic(editor, Acting.PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theApiDocumentNamesTheTypeOfEveryRecordAnswer() throws Exception {
        String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        Map<String, Map<String, Object>> paths = JsonPath.read(docs, "$.paths");
        List<String> operations = new ArrayList<>();
        paths.forEach((path, methods) -> methods.keySet().stream().filter(m -> path.startsWith("/api/v1/records"))
                .forEach(method -> operations.add(method + " " + path)));
        assertThat(operations).hasSizeGreaterThan(10);
        assertThat(operations).filteredOn(op -> JsonPath.<List<String>>read(docs, "$.paths['"
                + op.substring(op.indexOf(' ') + 1) + "']." + op.substring(0, op.indexOf(' '))
                + ".responses.200.content.*.schema['$ref']").isEmpty()).isEmpty();
        assertThat(JsonPath.<Map<String, Object>>read(docs, "$.components.schemas.RecordState.properties"))
                .containsKeys("indexNo", "permanent", "status", "accessCode", "masked", "rows");
        assertThat(JsonPath.<Map<String, Object>>read(docs, "$.components.schemas.RecordPage.properties"))
                .containsKeys("records", "page", "size", "total", "totalPages");
        assertThat(JsonPath.<Map<String, Object>>read(docs, "$.components.schemas.EntryCheckResult.properties"))
                .containsKeys("problems", "privacy");
    }
}
