package gongkai.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person with one cookie jar on the running platform over real HTTP (Tomcat decodes addresses as a browser's
 * server would, which MockMvc does not): reads pages, takes the links and forms the platform printed on them, and
 * signs in through the login form. Redirects are not followed by themselves, so a test sees each answer.
 */
public final class HttpVisitor {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern HREF = Pattern.compile("<a\\b[^>]*\\bhref=\"([^\"]+)\"[^>]*>(.*?)</a>", Pattern.DOTALL);
    private static final Pattern FORM_ACTION = Pattern.compile("<form\\b[^>]*\\baction=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;
    private String lastPage = "";

    public HttpVisitor(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs in through the login form; fails the test unless the platform accepts. */
    public void signIn(String username, String password) throws IOException, InterruptedException {
        assertThat(get("/admin/login").statusCode()).isEqualTo(200);
        HttpResponse<String> answer = post("/admin/login", Map.of("username", username, "password", password));
        assertThat(answer.statusCode()).as("sign-in of " + username).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    /** GET of an address exactly as printed on a page (HTML entities already undone); remembers the page. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        lastPage = r.body();
        return r;
    }

    public HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Follows a redirect answer to the page it names. */
    public HttpResponse<String> follow(HttpResponse<String> redirect) throws IOException, InterruptedException {
        assertThat(redirect.statusCode()).as("answer to " + redirect.uri()).isBetween(300, 399);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        return get(location.startsWith(base) ? location.substring(base.length()) : location);
    }

    /** Submits a form as a browser would, with the CSRF token of the last page read. */
    public HttpResponse<String> post(String action, Map<String, String> fields)
            throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(fields);
        Matcher csrf = CSRF.matcher(lastPage);
        if (csrf.find()) {
            all.put("_csrf", csrf.group(1));
        }
        String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(base + action))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The address of the first link on the last page whose text contains {@code text}. */
    public String link(String text) {
        Matcher m = HREF.matcher(lastPage);
        while (m.find()) {
            if (m.group(2).contains(text)) {
                return unescape(m.group(1));
            }
        }
        throw new AssertionError("no link “" + text + "” on the page");
    }

    /** Every link address on the last page that contains {@code part}. */
    public List<String> links(String part) {
        List<String> found = new ArrayList<>();
        Matcher m = HREF.matcher(lastPage);
        while (m.find()) {
            String href = unescape(m.group(1));
            if (href.contains(part)) {
                found.add(href);
            }
        }
        return found;
    }

    /** The action of the first form on the last page whose action ends with {@code ending}. */
    public String formAction(String ending) {
        Matcher m = FORM_ACTION.matcher(lastPage);
        while (m.find()) {
            String action = unescape(m.group(1));
            if (action.endsWith(ending)) {
                return action;
            }
        }
        throw new AssertionError("no form for “" + ending + "” on the page");
    }

    private static String unescape(String attribute) {
        return attribute.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'");
    }
}
