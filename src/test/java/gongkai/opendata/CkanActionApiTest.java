package gongkai.opendata;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.json.JsonMapper;

import gongkai.publishing.Publishing;
import gongkai.publishing.RecordInput;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CKAN Action API subset over real HTTP, as a CKAN client meets it: the envelope, the package, organization, group
 * and resource dicts and the error shapes carry every key of the recorded CKAN answers in
 * {@code src/test/resources/ckan} with the same JSON types, and package_search honours q, each fq field and its
 * forms, the rows/start window, the sort orders and the facets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// It counts datasets and orders exactly: a context (and in-memory database) of its own, which no other test class
// publishes into.
@TestPropertySource(properties = "gongkai.test.own-context=ckan")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class CkanActionApiTest {

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

    @LocalServerPort
    int port;
    @Autowired
    Publishing publishing;
    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Three bodies of our own (no other test publishes for them): 丰城市, 铜鼓县 and 靖安县. */
    @BeforeAll
    void publishDatasets() {
        review.publish(Staff.of("fcszf"), funds("fcszf", "360981", "丰城市2026年第三季度救助款物管理使用情况", "2026-Q3",
                LocalDate.of(2026, 10, 10), List.of(
                        funds("城乡低保", "中央和省级财政", "2500000.00", "丰城市", "2026年7月至9月"),
                        funds("临时救助", "市县财政", "300000.00", "丰城市", "2026年7月至9月"))));
        review.publish(Staff.of("fcszf"), funds("fcszf", "360981", "丰城市2025年第四季度救助款物管理使用情况", "2025-Q4",
                LocalDate.of(2026, 1, 10), List.of(
                        funds("城乡低保", "中央和省级财政", "2400000.00", "丰城市", "2025年10月至12月"))));
        review.publish(Staff.of("tgxzf"), funds("tgxzf", "360926", "铜鼓县2026年第三季度救助款物管理使用情况", "2026-Q3",
                LocalDate.of(2026, 10, 12), List.of(
                        funds("特困人员救助供养", "县级财政", "800000.00", "铜鼓县", "2026年7月至9月"))));
        review.publish(Staff.of("tgxzf"), new RecordInput("cs-funding", "tgxzf", "360926", "铜鼓县2026年公共体育经费",
                "", null, LocalDate.of(2026, 9, 1), "<p>年度经费。</p>", List.of(), null, null, null, null,
                List.of(Map.of("年度", "2026", "项目", "全民健身设施", "预算金额", "500000.00", "执行金额", "",
                        "用途", "建设健身路径")), null, null, null));
        Staff jinan = Staff.of("jaxzf");
        String withdrawn = review.publish(jinan, funds("jaxzf", "360925", "靖安县2026年第三季度救助款物管理使用情况",
                "2026-Q3", LocalDate.of(2026, 10, 11), List.of(
                        funds("城乡低保", "县级财政", "900000.00", "靖安县", "2026年7月至9月"))));
        as(jinan.approver(), () -> publishing.withdraw(withdrawn, "数据有误"));
    }

    private static RecordInput funds(String org, String region, String title, String period, LocalDate on,
            List<Map<String, String>> rows) {
        return new RecordInput("sa-funds", org, region, title, "", null, on, "<p>按季度公开。</p>", List.of(), null,
                null, null, null, rows, null, null, period);
    }

    private static Map<String, String> funds(String programme, String source, String amount, String scope,
            String period) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("救助项目", programme);
        row.put("资金来源", source);
        row.put("金额", amount);
        row.put("物资种类", "");
        row.put("数量", "");
        row.put("发放范围", scope);
        row.put("期间", period);
        return row;
    }

    // ---- the envelope and the dicts, against the recorded answers

    @Test
    void packageShowAnswersInCkansEnvelopeWithEveryKeyOfARecordedPackage() throws Exception {
        Answer a = get("package_show", "id", "sa-funds-fcszf");
        assertThat(a.status).isEqualTo(200);
        assertThat(a.contentType).isEqualTo("application/json;charset=utf-8");
        Map<String, Object> body = a.object();
        assertThat(body).containsOnlyKeys("help", "success", "result");
        assertThat(body.get("help")).isEqualTo(base() + "/api/3/action/help_show?name=package_show");
        assertThat(body.get("success")).isEqualTo(true);
        Map<?, ?> recorded = (Map<?, ?>) ((List<?>) ((Map<?, ?>) recorded("package_search.json").get("result"))
                .get("results")).get(0);
        assertShape("package", recorded, body.get("result"));
        Map<?, ?> pkg = (Map<?, ?>) body.get("result");
        for (Object tag : (List<?>) pkg.get("tags")) {
            assertShape("tag", recorded("tag.json"), tag);
        }

        assertThat(pkg.get("name")).isEqualTo("sa-funds-fcszf");
        assertThat(pkg.get("id")).isEqualTo("sa-funds-fcszf");
        assertThat(pkg.get("state")).isEqualTo("active");
        assertThat(pkg.get("type")).isEqualTo("dataset");
        assertThat(pkg.get("private")).isEqualTo(false);
        assertThat(pkg.get("license_id")).isEqualTo("cc-by-4.0");
        assertThat((String) pkg.get("metadata_modified")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        assertThat((String) pkg.get("title")).contains("救助款物管理使用情况", "丰城市");
        assertThat(((Map<?, ?>) pkg.get("organization")).get("name")).isEqualTo("fcszf");
        assertThat(((Map<?, ?>) pkg.get("organization")).get("is_organization")).isEqualTo(true);
        assertThat((List<Object>) (List<?>) pkg.get("groups")).extracting(g -> (Object) ((Map<?, ?>) g).get("name"))
                .containsExactly("social-assistance");
        assertThat((List<Object>) (List<?>) pkg.get("tags")).extracting(t -> (Object) ((Map<?, ?>) t).get("name"))
                .contains("城乡低保", "临时救助");
        Map<Object, Object> extras = ((List<?>) pkg.get("extras")).stream().map(e -> (Map<?, ?>) e)
                .collect(Collectors.toMap(e -> e.get("key"), e -> e.get("value")));
        assertThat(extras).containsEntry("rows", "3").containsEntry("record_count", "2")
                .containsEntry("temporal_start", "2025-10-01").containsEntry("temporal_end", "2026-09-30")
                .containsEntry("spatial_code", "360981").containsEntry("county_code", "360981")
                .containsEntry("frequency", "http://publications.europa.eu/resource/authority/frequency/QUARTERLY")
                .doesNotContainKey("demo");
        // All years and each year (2026, 2025), each as CSV, XLSX and JSON, at the documented download paths.
        List<?> resources = (List<?>) pkg.get("resources");
        assertThat(pkg.get("num_resources")).isEqualTo(9);
        assertThat(resources).hasSize(9);
        assertThat(resources).extracting(r -> (Object) ((Map<?, ?>) r).get("url")).contains(
                base() + "/data/sa-funds-fcszf/download/all.csv", base() + "/data/sa-funds-fcszf/download/2026.xlsx",
                base() + "/data/sa-funds-fcszf/download/2025.json");
        assertThat(resources).extracting(r -> (Object) ((Map<?, ?>) r).get("position")).containsExactly(0, 1, 2, 3, 4, 5, 6,
                7, 8);
    }

    @Test
    void statusShowSaysWhatItClaims() throws Exception {
        Answer a = get("status_show");
        assertThat(a.status).isEqualTo(200);
        assertShape("status", recorded("status_show.json"), a.object());
        Map<?, ?> r = (Map<?, ?>) a.object().get("result");
        assertThat(r.get("ckan_version")).isEqualTo("2.11.5");
        assertThat(r.get("locale_default")).isEqualTo("zh_Hans_CN");
        assertThat(r.get("site_url")).isEqualTo(base());
        assertThat((String) r.get("site_title")).contains("宜春市");
        assertThat(r.get("extensions")).isEqualTo(List.of());
    }

    @Test
    void resourceShowGivesOneDownloadAsItsPackageListsIt() throws Exception {
        Answer a = get("resource_show", "id", "sa-funds-fcszf-2025-csv");
        assertThat(a.status).isEqualTo(200);
        Map<?, ?> recordedPackage = (Map<?, ?>) ((List<?>) ((Map<?, ?>) recorded("package_search.json")
                .get("result")).get("results")).get(0);
        assertShape("resource", ((List<?>) recordedPackage.get("resources")).get(0), a.object().get("result"));
        Map<?, ?> r = (Map<?, ?>) a.object().get("result");
        assertThat(r.get("package_id")).isEqualTo("sa-funds-fcszf");
        assertThat(r.get("format")).isEqualTo("CSV");
        assertThat(r.get("mimetype")).isEqualTo("text/csv");
        assertThat(r.get("datastore_active")).isEqualTo(false);
        assertThat(r.get("url")).isEqualTo(base() + "/data/sa-funds-fcszf/download/2025.csv");
        assertThat((String) r.get("description")).contains("2025年", "1 行");
        assertThat(get("resource_show", "id", "sa-funds-fcszf-1999-csv").status).isEqualTo(404);
    }

    @Test
    void organizationsAreTheBodiesThatPublishDatasets() throws Exception {
        List<Object> names = (List<Object>) get("organization_list").object().get("result");
        assertThat(names).contains("fcszf", "tgxzf").doesNotContain("jaxzf");

        Answer all = get("organization_list", "all_fields", "true", "sort", "package_count desc");
        assertShape("organization_list", recorded("organization_list_all_fields.json"), all.object());
        Map<Object, Object> tongGu = ((List<?>) all.object().get("result")).stream().map(o -> (Map<Object, Object>) o)
                .filter(o -> o.get("name").equals("tgxzf")).findFirst().orElseThrow();
        assertThat(tongGu.get("package_count")).isEqualTo(2);
        assertThat(tongGu.get("title")).isEqualTo("铜鼓县人民政府");
        assertThat(tongGu).doesNotContainKeys("extras", "tags", "packages");

        assertThat((List<Object>) (List<?>) get("organization_list", "limit", "1", "offset", "0", "sort", "name asc").object()
                .get("result")).hasSize(1);

        Answer show = get("organization_show", "id", "tgxzf", "include_datasets", "true");
        assertShape("organization_show", recorded("organization_show.json"), show.object());
        Map<?, ?> org = (Map<?, ?>) show.object().get("result");
        assertThat(org.get("package_count")).isEqualTo(2);
        assertThat((List<Object>) (List<?>) org.get("packages")).extracting(p -> (Object) ((Map<?, ?>) p).get("name"))
                .containsExactlyInAnyOrder("sa-funds-tgxzf", "cs-funding-tgxzf");
        assertThat((Map<Object, Object>) (Map<?, ?>) get("organization_show", "id", "tgxzf").object().get("result"))
                .doesNotContainKey("packages");

        Answer unknown = get("organization_show", "id", "no-such-body");
        assertThat(unknown.status).isEqualTo(404);
        assertShape("not_found", recorded("not_found.json"), unknown.object());
        Answer badSort = get("organization_list", "sort", "colour asc");
        assertThat(badSort.status).isEqualTo(409);
        assertThat(badSort.error()).containsKey("message").containsEntry("__type", "Validation Error");
    }

    @Test
    void groupsAreTheSevenFieldsOfThePlan() throws Exception {
        assertThat((List<Object>) (List<?>) get("group_list", "sort", "name asc").object().get("result")).containsExactly(
                "culture-sports", "disaster-relief", "education", "environment", "health", "poverty-alleviation",
                "social-assistance");
        Answer show = get("group_show", "id", "culture-sports");
        assertThat(show.status).isEqualTo(200);
        assertShape("group_show", recorded("group_show.json"), show.object());
        Map<?, ?> g = (Map<?, ?>) show.object().get("result");
        assertThat(g.get("title")).isEqualTo("公共文化体育");
        assertThat(g.get("is_organization")).isEqualTo(false);
        assertThat(((Number) g.get("package_count")).intValue()).isGreaterThanOrEqualTo(1);
        assertThat(get("group_show", "id", "gov-disclosure").status).isEqualTo(404);
    }

    @Test
    void helpShowDescribesEachActionItsHelpLinkNames() throws Exception {
        Answer a = get("help_show", "name", "package_search");
        assertThat(a.status).isEqualTo(200);
        assertThat((String) a.object().get("result")).contains("fq", "res_format", "facet.field");
        assertThat(get("help_show", "name", "package_delete").status).isEqualTo(404);
    }

    // ---- package_search

    @Test
    void packageSearchAnswersWithCountFacetsResultsAndSortAsRecorded() throws Exception {
        Answer a = get("package_search", "fq", "organization:tgxzf",
                "facet.field", "[\"organization\",\"groups\",\"tags\",\"res_format\"]");
        assertThat(a.status).isEqualTo(200);
        assertShape("package_search", recorded("package_search.json"), a.object());
        Map<?, ?> r = (Map<?, ?>) a.object().get("result");
        assertThat(r.get("count")).isEqualTo(2);
        assertThat(r.get("sort")).isEqualTo("score desc, metadata_modified desc");
        Map<?, ?> facets = (Map<?, ?>) r.get("facets");
        assertThat(facets.get("organization")).isEqualTo(Map.of("tgxzf", 2));
        assertThat(facets.get("groups")).isEqualTo(Map.of("social-assistance", 1, "culture-sports", 1));
        assertThat(facets.get("res_format")).isEqualTo(Map.of("CSV", 2, "XLSX", 2, "JSON", 2));
        assertThat((Map<Object, Object>) (Map<?, ?>) facets.get("tags")).containsEntry("特困人员救助供养", 1).containsEntry("社会救助和社会福利", 1);
        Map<?, ?> orgFacet = (Map<?, ?>) ((Map<?, ?>) r.get("search_facets")).get("organization");
        assertThat(orgFacet.get("title")).isEqualTo("organization");
        assertThat((List<Object>) (List<?>) orgFacet.get("items")).containsExactly(
                Map.of("name", "tgxzf", "display_name", "铜鼓县人民政府", "count", 2));
        // CKAN lists facet items by display name, last first.
        List<?> groupItems = (List<?>) ((Map<?, ?>) ((Map<?, ?>) r.get("search_facets")).get("groups")).get("items");
        assertThat(groupItems).extracting(i -> (Object) ((Map<?, ?>) i).get("display_name")).containsExactly("社会救助和社会福利",
                "公共文化体育");
    }

    @Test
    void wordsAndEachFilterFieldNarrowTheSearch() throws Exception {
        assertThat(names("q", "低保", "fq", "county:360981")).containsExactly("sa-funds-fcszf");
        assertThat(names("fq", "organization:tgxzf groups:culture-sports")).containsExactly("cs-funding-tgxzf");
        assertThat(names("fq", "+organization:tgxzf AND -groups:culture-sports")).containsExactly("sa-funds-tgxzf");
        assertThat(names("fq", "organization:(fcszf OR tgxzf)", "sort", "name asc")).containsExactly(
                "cs-funding-tgxzf", "sa-funds-fcszf", "sa-funds-tgxzf");
        assertThat(names("fq", "organization:fcszf OR organization:tgxzf", "sort", "name asc")).hasSize(3);
        assertThat(names("fq", "tags:城乡低保 organization:(fcszf OR tgxzf)")).containsExactly("sa-funds-fcszf");
        assertThat(names("fq", "tags:\"特困人员救助供养\"")).containsExactly("sa-funds-tgxzf");
        assertThat(names("fq", "res_format:CSV organization:tgxzf")).hasSize(2);
        assertThat(names("fq", "res_format:PDF organization:tgxzf")).isEmpty();
        assertThat(names("fq", "groups:culture-sports county:360926")).containsExactly("cs-funding-tgxzf");
        // Filters typed into q, as some clients send them; *:* is everything.
        assertThat(names("q", "organization:tgxzf", "sort", "name asc")).containsExactly("cs-funding-tgxzf",
                "sa-funds-tgxzf");
        assertThat(names("q", "*:*", "fq", "organization:tgxzf")).hasSize(2);
        // fq_list (the list form) adds to fq.
        assertThat(names("fq", "organization:(fcszf OR tgxzf)", "fq_list", "[\"groups:culture-sports\"]"))
                .containsExactly("cs-funding-tgxzf");
        // A withdrawn dataset (no rows left) is not found, nor listed.
        assertThat(names("fq", "organization:jaxzf")).isEmpty();
        assertThat((List<Object>) (List<?>) get("package_list").object().get("result")).contains("sa-funds-fcszf")
                .doesNotContain("sa-funds-jaxzf");
    }

    @Test
    void aDatasetWhoseRecordsWereAllWithdrawnShowsAsDeleted() throws Exception {
        Map<?, ?> pkg = (Map<?, ?>) get("package_show", "id", "sa-funds-jaxzf").object().get("result");
        assertThat(pkg.get("state")).isEqualTo("deleted");
        assertThat(((List<?>) pkg.get("extras")).stream().map(e -> (Map<?, ?>) e)
                .filter(e -> e.get("key").equals("rows")).findFirst().orElseThrow().get("value")).isEqualTo("0");
    }

    @Test
    void rowsAndStartWindowTheResultsInTheOrderAskedFor() throws Exception {
        String both = "organization:(fcszf OR tgxzf)";
        assertThat(names("fq", both, "sort", "name asc", "rows", "2", "start", "0"))
                .containsExactly("cs-funding-tgxzf", "sa-funds-fcszf");
        Answer second = get("package_search", "fq", both, "sort", "name asc", "rows", "2", "start", "2");
        assertThat(((Map<?, ?>) second.object().get("result")).get("count")).isEqualTo(3);
        assertThat(names("fq", both, "sort", "name asc", "rows", "2", "start", "2")).containsExactly("sa-funds-tgxzf");
        Answer none = get("package_search", "fq", both, "rows", "0");
        assertThat(((Map<?, ?>) none.object().get("result")).get("count")).isEqualTo(3);
        assertThat((List<Object>) (List<?>) ((Map<?, ?>) none.object().get("result")).get("results")).isEmpty();
        // More than CKAN's 1000 is cut to 1000, as CKAN does, not refused.
        assertThat(get("package_search", "fq", both, "rows", "5000").status).isEqualTo(200);

        assertThat(names("fq", both, "sort", "name desc")).containsExactly("sa-funds-tgxzf", "sa-funds-fcszf",
                "cs-funding-tgxzf");
        assertThat(names("fq", both, "sort", "id asc")).containsExactly("cs-funding-tgxzf", "sa-funds-fcszf",
                "sa-funds-tgxzf");
        // Published in this order: 丰城市's funds (twice), 铜鼓县's funds, then its sports funding.
        assertThat(names("fq", both, "sort", "metadata_modified desc")).containsExactly("cs-funding-tgxzf",
                "sa-funds-tgxzf", "sa-funds-fcszf");
        assertThat(names("fq", both, "sort", "metadata_created asc")).containsExactly("sa-funds-fcszf",
                "sa-funds-tgxzf", "cs-funding-tgxzf");
        assertThat(names("fq", both, "sort", "num_rows desc, name asc").get(0)).isEqualTo("sa-funds-fcszf");
        Answer titled = get("package_search", "fq", both, "sort", "title_string asc");
        assertThat(((Map<?, ?>) titled.object().get("result")).get("sort")).isEqualTo("title_string asc");
        // facet.limit keeps the largest counts: 铜鼓县 has two of the three datasets.
        Answer limited = get("package_search", "fq", both, "facet.field", "[\"organization\"]", "facet.limit", "1");
        assertThat((Map<Object, Object>) (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) limited.object().get("result")).get("facets"))
                .get("organization")).containsOnlyKeys("tgxzf");
    }

    // ---- errors

    @Test
    void badInputAnswersCkansErrorShapesNamingTheParameterInChinese() throws Exception {
        Answer unknownAction = get("package_shoow");
        assertThat(unknownAction.status).isEqualTo(400);
        assertThat(unknownAction.contentType).isEqualTo("application/json;charset=utf-8");
        // CKAN answers a bare string here (recorded); we put the same message in its error envelope.
        String recordedString = (String) json.readValue(resource("unknown_action.json"), Object.class);
        assertShape("not_found", recorded("not_found.json"), unknownAction.object());
        assertThat(unknownAction.object()).containsOnlyKeys("help", "success", "error");
        assertThat(unknownAction.object().get("success")).isEqualTo(false);
        assertThat(unknownAction.error().get("__type")).isEqualTo("Bad Request");
        assertThat((String) unknownAction.error().get("message")).startsWith(recordedString).contains("支持的操作");

        Answer missing = get("package_show", "id", "no-such-dataset");
        assertThat(missing.status).isEqualTo(404);
        assertShape("not_found", recorded("not_found.json"), missing.object());
        assertThat(missing.object()).containsOnlyKeys("help", "success", "error");
        assertThat((String) missing.error().get("message")).startsWith("未找到：").contains("no-such-dataset");

        assertInvalid(get("package_search", "rows", "abc"), "rows");
        assertShape("validation", recorded("validation_error.json"), get("package_search", "rows", "abc").object());
        assertInvalid(get("package_search", "start", "-1"), "start");
        assertInvalid(get("package_search", "fq", "licence:cc-by"), "fq");
        assertInvalid(get("package_search", "fq", "metadata_modified:[2026-01-01T00:00:00Z TO *]"), "fq");
        assertInvalid(get("package_search", "q", "colour:red"), "q");
        assertInvalid(get("package_search", "sort", "popularity desc"), "sort");
        assertInvalid(get("package_search", "sort", "name"), "sort");
        assertInvalid(get("package_search", "facet.field", "[\"colour\"]"), "facet.field");
        assertInvalid(get("package_search", "facet.field", "[\"organization\""), "facet.field");
        assertInvalid(get("package_show"), "name_or_id");
        assertInvalid(get("package_list", "limit", "-3"), "limit");
    }

    private void assertInvalid(Answer a, String parameter) {
        assertThat(a.status).as(a.body).isEqualTo(409);
        Map<String, Object> error = a.error();
        assertThat(error).containsEntry("__type", "Validation Error").containsKey(parameter);
        List<?> messages = (List<?>) error.get(parameter);
        assertThat((String) messages.get(0)).as("a Chinese message").containsPattern("\\p{IsHan}");
    }

    // ---- POST, as CKAN clients send it

    @Test
    void postWithAJsonBodyOrAFormAnswersAsGetDoes() throws Exception {
        Answer a = post("package_search", "application/json",
                "{\"fq\": \"organization:tgxzf\", \"rows\": 1, \"facet.field\": [\"organization\"]}");
        assertThat(a.status).as(a.body).isEqualTo(200);
        Map<?, ?> r = (Map<?, ?>) a.object().get("result");
        assertThat(r.get("count")).isEqualTo(2);
        assertThat((List<Object>) (List<?>) r.get("results")).hasSize(1);
        assertThat(((Map<?, ?>) r.get("facets")).get("organization")).isEqualTo(Map.of("tgxzf", 2));

        Answer form = post("package_show", "application/x-www-form-urlencoded", "id=sa-funds-tgxzf");
        assertThat(form.status).as(form.body).isEqualTo(200);
        assertThat(((Map<?, ?>) form.object().get("result")).get("name")).isEqualTo("sa-funds-tgxzf");
        // An old client posting JSON with a form's content type (urllib's default).
        Answer urllib = post("package_show", "application/x-www-form-urlencoded", "{\"id\": \"sa-funds-tgxzf\"}");
        assertThat(urllib.status).as(urllib.body).isEqualTo(200);

        // ckanapi's RemoteCKAN posts JSON to the unversioned address, which CKAN answers as version 3.
        HttpResponse<String> ckanapi = http.send(HttpRequest.newBuilder(URI.create(base()
                + "/api/action/package_show")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"sa-funds-tgxzf\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ckanapi.statusCode()).as(ckanapi.body()).isEqualTo(200);
        assertThat(json.readValue(ckanapi.body(), Map.class).get("help"))
                .isEqualTo(base() + "/api/3/action/help_show?name=package_show");

        Answer invalid = post("package_search", "application/json", "{\"rows\": \"many\"}");
        assertInvalid(invalid, "rows");
        Answer broken = post("package_search", "application/json", "{\"rows\": ");
        assertThat(broken.status).isEqualTo(400);
        assertThat(broken.error().get("__type")).isEqualTo("Bad Request");
        assertThat((String) broken.error().get("message")).startsWith("Bad request - JSON Error");
    }

    // ---- a script, as a new user writes one

    @Test
    void aScriptFindsTheLowIncomeFundsOfACountyAndTheAddressOfItsCsv() throws Exception {
        // What a reuser writes after reading the API page: search, pick the dataset, take the CSV of all years.
        String query = "q=" + URLEncoder.encode("低保", StandardCharsets.UTF_8) + "&fq="
                + URLEncoder.encode("county:360981", StandardCharsets.UTF_8);
        HttpResponse<String> found = http.send(HttpRequest.newBuilder(
                URI.create(base() + "/api/3/action/package_search?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(found.statusCode()).isEqualTo(200);
        Map<?, ?> body = json.readValue(found.body(), Map.class);
        assertThat(body.get("success")).isEqualTo(true);
        Map<?, ?> dataset = (Map<?, ?>) ((List<?>) ((Map<?, ?>) body.get("result")).get("results")).get(0);
        assertThat((String) dataset.get("title")).contains("丰城市");
        String csv = ((List<?>) dataset.get("resources")).stream().map(r -> (Map<?, ?>) r)
                .filter(r -> r.get("format").equals("CSV") && ((String) r.get("id")).contains("-all-"))
                .map(r -> (String) r.get("url")).findFirst().orElseThrow();
        assertThat(csv).isEqualTo(base() + "/data/sa-funds-fcszf/download/all.csv");
        assertThat(URI.create(csv).getPath()).isEqualTo("/data/sa-funds-fcszf/download/all.csv");
    }

    // ---- helpers

    private String base() {
        return "http://localhost:" + port;
    }

    private record Answer(int status, String contentType, String body, JsonMapper json) {

        @SuppressWarnings("unchecked")
        Map<String, Object> object() {
            return json.readValue(body, Map.class);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> error() {
            Map<String, Object> o = object();
            assertThat(o.get("success")).isEqualTo(false);
            return (Map<String, Object>) o.get("error");
        }
    }

    private Answer get(String action, String... params) throws IOException, InterruptedException {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < params.length; i += 2) {
            q.append(q.length() == 0 ? "?" : "&").append(URLEncoder.encode(params[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/3/action/" + action + q))
                .build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), json);
    }

    private Answer post(String action, String type, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/3/action/" + action))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), json);
    }

    private List<String> names(String... params) throws IOException, InterruptedException {
        Answer a = get("package_search", params);
        assertThat(a.status).as(a.body).isEqualTo(200);
        return ((List<?>) ((Map<?, ?>) a.object().get("result")).get("results")).stream()
                .map(p -> (String) ((Map<?, ?>) p).get("name")).toList();
    }

    private String resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/ckan/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Map<?, ?> recorded(String name) throws IOException {
        return json.readValue(resource(name), Map.class);
    }

    /**
     * Every key of the recorded answer is in ours with a value of the same JSON type, recursively; a null on either
     * side stands for "no value" (CKAN writes null for an absent value); each item of our lists is checked against
     * the recording's first item.
     */
    private static void assertShape(String path, Object recorded, Object ours) {
        if (recorded == null || ours == null) {
            return;
        }
        assertThat(kind(ours)).as(path).isEqualTo(kind(recorded));
        if (recorded instanceof Map<?, ?> r) {
            Map<?, ?> o = (Map<?, ?>) ours;
            for (Map.Entry<?, ?> e : r.entrySet()) {
                assertThat(o.containsKey(e.getKey())).as(path + "." + e.getKey() + " present").isTrue();
                assertShape(path + "." + e.getKey(), e.getValue(), o.get(e.getKey()));
            }
        } else if (recorded instanceof List<?> r && !r.isEmpty()) {
            int i = 0;
            for (Object item : (List<?>) ours) {
                assertShape(path + "[" + i++ + "]", r.get(0), item);
            }
        }
    }

    private static String kind(Object value) {
        if (value instanceof Map<?, ?>) {
            return "object";
        }
        if (value instanceof List<?>) {
            return "array";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        return "string";
    }
}
