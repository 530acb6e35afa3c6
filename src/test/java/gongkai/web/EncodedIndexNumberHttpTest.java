package gongkai.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP (Tomcat, not MockMvc): an index number holds a '/', and API.md addresses records by the
 * URL-encoded number, so %2F must reach the application instead of being rejected by the server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EncodedIndexNumberHttpTest {

    @LocalServerPort
    int port;

    @Test
    void anEncodedSlashReachesTheApplication() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : new String[] {"/records/nosuchorg%2F2026-00001", "/api/v1/records/nosuchorg%2F2026-00001",
                "/records/nosuchorg%2F2026-00001/notice.pdf"}) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + path)).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).contains("没有索引号为“nosuchorg/2026-00001”的");
        }
    }
}
