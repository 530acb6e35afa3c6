package gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Over real HTTP (Tomcat decodes the parameters, not MockMvc): a parameter that is not valid percent-encoded UTF-8
 * answers 400 with a Chinese message on every kind of endpoint, with no stack trace in the log; multipart part
 * names and file names are checked like any other text; and every error page
 * — 400, 403, 404, 500 — shows its Chinese heading, with no template text left in it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class BadRequestsOverHttpTest {

    private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");
    private static final Pattern HEADING = Pattern.compile("<h1>(.*?)</h1>", Pattern.DOTALL);

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Two ways to fail that only a test provokes: an exception in a controller, and a bare sendError(500). */
    @TestConfiguration
    static class Failures {
        @Bean
        FailingController failingController() {
            return new FailingController();
        }
    }

    @RestController
    static class FailingController {
        @GetMapping("/test-only/failure")
        String fail() {
            throw new IllegalStateException("a failure provoked by the test");
        }

        @GetMapping("/test-only/send-error")
        void sendError(HttpServletResponse response) throws IOException {
            response.sendError(500);
        }
    }

    @Test
    void anUndecodableParameterAnswers400InChineseEverywhereWithoutAStackTrace(CapturedOutput log) throws Exception {
        Map<String, String> pages = Map.of("/search?q=%ff", "q", "/records?q=%E4%BD&page=0", "q",
                "/requests/track?no=%ff&code=x", "no", "/?x=%C0%AF", "x", "/admin/login?error=%ff", "error");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            HttpResponse<String> r = get(page.getKey(), "text/html");
            assertThat(r.statusCode()).as(page.getKey()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).as(page.getKey()).hasValueSatisfying(
                    t -> assertThat(t).startsWith("text/html"));
            assertThat(r.body()).as(page.getKey()).contains("参数“" + page.getValue() + "”的编码无效");
        }
        for (String api : new String[] {"/api/v1/records?q=%ff", "/feeds/records.atom?domain=%ff",
                "/api/v1/ledger/sth?x=%ff"}) {
            HttpResponse<String> r = get(api, "*/*");
            assertThat(r.statusCode()).as(api).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).as(api).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(r.body()).as(api).contains("\"title\":\"输入有误\"").contains("的编码无效");
        }
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri("/requests/track"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("no=%ff&code=x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(form.body()).contains("表单中有参数的编码无效");

        assertThat(log.getAll()).doesNotContain("InvalidParameterException").doesNotContain("MalformedInputException")
                .doesNotContain("Unexpected failure");
    }

    @Test
    void multipartPartNamesAndFileNamesAreChecked() throws Exception {
        String boundary = "----gongkai-test";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"名单\u0001.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--" + boundary + "--\r\n";
        HttpResponse<String> file = upload(boundary, body);
        assertThat(file.statusCode()).as(file.body()).isEqualTo(400);
        assertThat(file.body()).contains("\"field\":\"file（文件名）\"").contains("第3个字符是控制字符 U+0001");
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"alt\u001btext\"\r\n\r\n说明\r\n--"
                + boundary + "--\r\n";
        HttpResponse<String> name = upload(boundary, part);
        assertThat(name.statusCode()).as(name.body()).isEqualTo(400);
        assertThat(name.body()).contains("\"field\":\"参数名\"").contains("U+001B");
    }

    private HttpResponse<String> upload(String boundary, String body) throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString("admin:Test-Admin-Passw0rd".getBytes());
        return http.send(HttpRequest.newBuilder(uri("/api/v1/records/ycsmzj%2F2026-00001/attachments"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyErrorPageShowsItsChineseHeadingAndNoTemplateText() throws Exception {
        assertErrorPage(get("/no/such/page", "text/html"), 404, "未找到");
        assertErrorPage(get("/records/nosuchorg%2F2026-00001", "text/html"), 404, "未找到");
        assertErrorPage(get("/search?q=%ff", "text/html"), 400, "输入有误");
        // Refused by Spring Security (no CSRF token), which goes through the servlet container's error page.
        assertErrorPage(http.send(HttpRequest.newBuilder(uri("/requests/track"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("no=1&code=2")).build(), HttpResponse.BodyHandlers.ofString()),
                403, "无权操作");
        assertErrorPage(get("/test-only/failure", "text/html"), 500, "服务器内部错误");
        assertErrorPage(get("/test-only/send-error", "text/html"), 500, "服务器内部错误");
    }

    private static void assertErrorPage(HttpResponse<String> page, int status, String heading) {
        String body = page.body();
        assertThat(page.statusCode()).as(body).isEqualTo(status);
        Matcher title = TITLE.matcher(body);
        assertThat(title.find()).as(body).isTrue();
        assertThat(title.group(1)).isEqualTo(heading + " - 公益事业信息公开");
        Matcher h1 = HEADING.matcher(body);
        assertThat(h1.find()).as(body).isTrue();
        assertThat(h1.group(1).replaceAll("<[^>]+>", "").strip()).isEqualTo(heading + " " + status);
        assertThat(body).doesNotContain("${").doesNotContain("#{").doesNotContain("th:").doesNotContain("??")
                .doesNotContain("null");
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
