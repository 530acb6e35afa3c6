package gongkai.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import gongkai.GongkaiApplication;
import gongkai.support.PostgresTestDatabase;

/**
 * PostgreSQL refuses NUL in text, so a NUL typed by anyone used to reach the database and answer 500. Over real HTTP,
 * as a resident would send it: the request form, tracking (both ways) and the API answer 400 naming the field, and
 * nothing is stored — the same form without the NUL then goes through with the same human check.
 */
@Tag("postgres")
class UnsafeTextPostgresTest {

    private static final String[] NUMERALS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    @RegisterExtension
    static final PostgresTestDatabase db = new PostgresTestDatabase();

    @TempDir
    Path dataDir;

    @Test
    void aNulByteIsRefusedWith400AndNothingIsStored() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GongkaiApplication.class)
                .profiles("test").run(db.platformArgs(dataDir))) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            long requestsBefore = count(jdbc, "info_request");
            long eventsBefore = count(jdbc, "info_request_event");

            String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/requests/new")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String csrf = find(page, "name=\"_csrf\" value=\"([^\"]+)\"");
            Map<String, String> form = new LinkedHashMap<>();
            form.put("_csrf", csrf);
            form.put("org", "ycsmzj");
            form.put("applicantType", "NATURAL_PERSON");
            form.put("name", "李示例");
            form.put("idType", "RESIDENT_ID");
            form.put("idNumber", Applicants.idNumber());
            form.put("phone", "13907950001");
            form.put("address", "宜春市袁州区示例路1号");
            form.put("description", "2026年临时救助\u0000资金发放情况");
            form.put("preferredForm", "ONLINE");
            form.put("humanCheckToken", find(page, "name=\"humanCheckToken\" value=\"([^\"]+)\""));
            form.put("humanCheckAnswer", answer(page));

            HttpResponse<String> refused = post(browser, base + "/requests/new", form);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("“description”第10个字符是控制字符 U+0000");
            assertThat(count(jdbc, "info_request")).isEqualTo(requestsBefore);
            assertThat(count(jdbc, "info_request_event")).isEqualTo(eventsBefore);

            HttpResponse<String> tracked = browser.send(HttpRequest.newBuilder(URI.create(base
                    + "/requests/track?no=YC2026%00&code=ABCD")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(tracked.statusCode()).isEqualTo(400);
            assertThat(tracked.body()).contains("“no”第7个字符是控制字符 U+0000");
            HttpResponse<String> trackedByForm = post(browser, base + "/requests/track",
                    Map.of("_csrf", csrf, "no", "YC2026-0001", "code", "AB\u0000CD"));
            assertThat(trackedByForm.statusCode()).isEqualTo(400);
            assertThat(trackedByForm.body()).contains("“code”第3个字符是控制字符 U+0000");

            HttpResponse<String> api = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/requests"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"org\":\"ycsmzj\",\"applicantType\":\"NATURAL_PERSON\","
                            + "\"name\":\"李示例\",\"idType\":\"RESIDENT_ID\",\"idNumber\":\"" + Applicants.idNumber()
                            + "\",\"phone\":\"13907950001\",\"description\":\"临时救助\\u0000名单\","
                            + "\"preferredForm\":\"ONLINE\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).isEqualTo(400);
            assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(api.body()).contains("\"field\":\"description\"").contains("U+0000");
            assertThat(count(jdbc, "info_request")).isEqualTo(requestsBefore);
            assertThat(count(jdbc, "info_request_event")).isEqualTo(eventsBefore);

            // Nothing was used up: the same form, human check included, goes through without the NUL.
            form.put("description", "2026年临时救助资金发放情况");
            HttpResponse<String> accepted = post(browser, base + "/requests/new", form);
            assertThat(accepted.statusCode()).isEqualTo(200);
            assertThat(count(jdbc, "info_request")).isEqualTo(requestsBefore + 1);
        }
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static HttpResponse<String> post(HttpClient browser, String url, Map<String, String> form)
            throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sum the page asks for, as a person would work it out. */
    private static String answer(String page) {
        Matcher m = Pattern.compile("请计算：(.)加(.)等于几").matcher(page);
        assertThat(m.find()).as("the page asks a sum").isTrue();
        return String.valueOf(numeral(m.group(1)) + numeral(m.group(2)));
    }

    private static int numeral(String chinese) {
        return java.util.Arrays.asList(NUMERALS).indexOf(chinese);
    }

    private static String find(String page, String regex) {
        Matcher m = Pattern.compile(regex).matcher(page);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }
}
