package gongkai.assessment.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The link check reads a body's pages over real HTTP and reports the links into the site that do not open, and only
 * those: links to other sites and to the back office are not tried.
 */
class WebsiteLinkCheckTest {

    private HttpServer server;

    private static final Map<String, String> PAGES = Map.of(
            "/orgs/x", """
                    <a href="/records/A">记录A</a> <a href="/catalog/ok">目录</a> <a href="https://example.org/">外部</a>
                    <a href="/admin/records">后台</a> <a href="#main">跳到正文</a> <img src="/img/logo.png">""",
            "/records?org=x", "<a href=\"/records/B\">记录B</a> <a href=\"/records/A#top\">记录A</a>",
            "/records/A", "<a href=\"/files/missing.pdf\">附件</a> <a href=\"/orgs/x\">发布机构</a>",
            "/catalog/ok", "目录",
            "/img/logo.png", "png");

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().toString();
            String page = PAGES.get(path);
            byte[] body = (page == null ? "没有这个页面" : page).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theBrokenLinksOnABodysPagesAreFoundWithThePageTheyAreOn() throws Exception {
        WebsiteLinkCheck check = new WebsiteLinkCheck("http://127.0.0.1:" + server.getAddress().getPort(), 50);
        WebsiteLinkCheck.Result result = check.check("x");
        assertThat(result.broken()).containsExactlyInAnyOrder(
                new LinkCheckResults.Broken("/records?org=x", "/records/B", 404),
                new LinkCheckResults.Broken("/records/A", "/files/missing.pdf", 404));
        assertThat(result.pages()).isEqualTo(3);
    }

    @Test
    void aSiteThatDoesNotAnswerReadsNoPagesAndReportsNothingItCouldNotRead() throws Exception {
        WebsiteLinkCheck check = new WebsiteLinkCheck("http://127.0.0.1:1", 50);
        assertThat(check.check("x")).isEqualTo(new WebsiteLinkCheck.Result(0, List.of()));
    }
}
