package gongkai.web.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import gongkai.shared.PublicPagesChanged;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link PageCacheFilter} keeps and what it never keeps, with a stand-in for the rest of the platform that
 * counts how often it renders.
 */
class PageCacheFilterTest {

    private static final String HTML = "<!DOCTYPE html><html lang=\"zh-Hans\"><body><h1>首页</h1></body></html>";

    private PageCache cache;
    private PageCacheFilter filter;
    private final AtomicInteger renders = new AtomicInteger();

    @BeforeEach
    void freshCache() {
        cache = new PageCache(1 << 20, Duration.ofMinutes(10).toNanos());
        cache.freshUntil(System.nanoTime() + Duration.ofMinutes(10).toNanos());
        filter = new PageCacheFilter(cache, "SESSION");
    }

    /** The platform behind the filter: renders {@code body} for an anonymous visitor. */
    private FilterChain platform(String body) {
        return (req, res) -> {
            renders.incrementAndGet();
            req.setAttribute(PageCacheFilter.ANONYMOUS, Boolean.TRUE);
            HttpServletResponse response = (HttpServletResponse) res;
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
            response.getWriter().write(body);
        };
    }

    private static MockHttpServletRequest get(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        int q = path.indexOf('?');
        if (q >= 0) {
            request.setRequestURI(path.substring(0, q));
            request.setQueryString(path.substring(q + 1));
            for (String pair : path.substring(q + 1).split("&")) {
                String[] nv = pair.split("=", 2);
                request.addParameter(nv[0], nv.length > 1 ? nv[1] : "");
            }
        }
        return request;
    }

    private MockHttpServletResponse send(MockHttpServletRequest request, FilterChain chain) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    @Test
    void aPublicPageIsRenderedOnceAndThenServedWithItsHeaders() throws Exception {
        MockHttpServletResponse first = send(get("/"), platform(HTML));
        MockHttpServletResponse second = send(get("/"), platform(HTML));
        assertThat(renders).hasValue(1);
        for (MockHttpServletResponse r : new MockHttpServletResponse[] {first, second}) {
            assertThat(r.getStatus()).isEqualTo(200);
            assertThat(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(HTML);
            assertThat(r.getHeader("Cache-Control")).isEqualTo("no-cache");
            assertThat(r.getHeader("X-Frame-Options")).isEqualTo("DENY");
            assertThat(r.getHeader("ETag")).isNotBlank();
            assertThat(r.getHeader("Vary")).isEqualTo("Accept-Encoding");
        }
        assertThat(second.getHeader("ETag")).isEqualTo(first.getHeader("ETag"));
    }

    @Test
    void gzipGoesToThoseWhoAcceptIt() throws Exception {
        send(get("/"), platform(HTML));
        MockHttpServletRequest request = get("/");
        request.addHeader("Accept-Encoding", "gzip, deflate, br");
        MockHttpServletResponse r = send(request, platform(HTML));
        assertThat(r.getHeader("Content-Encoding")).isEqualTo("gzip");
        try (var in = new GZIPInputStream(new ByteArrayInputStream(r.getContentAsByteArray()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(HTML);
        }
        assertThat(PageCacheFilter.acceptsGzip("gzip;q=0, identity")).isFalse();
        assertThat(PageCacheFilter.acceptsGzip("br;q=1.0, gzip;q=0.8")).isTrue();
        assertThat(PageCacheFilter.acceptsGzip("identity")).isFalse();
    }

    @Test
    void anUnchangedPageIsAnswered304() throws Exception {
        MockHttpServletResponse first = send(get("/"), platform(HTML));
        MockHttpServletRequest again = get("/");
        again.addHeader("If-None-Match", "W/" + first.getHeader("ETag"));
        MockHttpServletResponse r = send(again, platform(HTML));
        assertThat(r.getStatus()).isEqualTo(304);
        assertThat(r.getContentAsByteArray()).isEmpty();
        MockHttpServletRequest since = get("/");
        since.addHeader("If-Modified-Since", first.getHeader("Last-Modified"));
        assertThat(send(since, platform(HTML)).getStatus()).isEqualTo(304);
        MockHttpServletRequest other = get("/");
        other.addHeader("If-None-Match", "\"something-else\"");
        other.addHeader("If-Modified-Since", first.getHeader("Last-Modified"));
        assertThat(send(other, platform(HTML)).getStatus()).as("If-None-Match decides").isEqualTo(200);
    }

    @Test
    void aHeadIsAnsweredFromAKeptPageWithoutBody() throws Exception {
        send(get("/"), platform(HTML));
        MockHttpServletResponse r = send(new MockHttpServletRequest("HEAD", "/"), platform(HTML));
        assertThat(renders).hasValue(1);
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentLength()).isEqualTo(HTML.getBytes(StandardCharsets.UTF_8).length);
        assertThat(r.getContentAsByteArray()).isEmpty();
    }

    @Test
    void aPageWithAFormThatPostsIsNeverKept() throws Exception {
        String form = "<form method=\"post\"><input type=\"hidden\" name=\"_csrf\" value=\"t0k3n\"></form>";
        send(get("/"), platform(form));
        send(get("/"), platform(form));
        assertThat(renders).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aPageThatSetsACookieOrFailsOrWasRenderedForSomeoneIsNeverKept() throws Exception {
        FilterChain cookie = (req, res) -> {
            platform(HTML).doFilter(req, res);
            ((HttpServletResponse) res).addHeader("Set-Cookie", "SESSION=abc; Path=/; HttpOnly");
        };
        FilterChain notFound = (req, res) -> {
            platform(HTML).doFilter(req, res);
            ((HttpServletResponse) res).setStatus(404);
        };
        FilterChain forSomeone = (req, res) -> {
            platform(HTML).doFilter(req, res);
            req.removeAttribute(PageCacheFilter.ANONYMOUS);
        };
        for (FilterChain chain : new FilterChain[] {cookie, notFound, forSomeone}) {
            send(get("/"), chain);
        }
        assertThat(cache.size()).isZero();
    }

    @Test
    void aSignedInVisitorNeitherGetsNorLeavesAKeptPage() throws Exception {
        send(get("/"), platform(HTML));
        MockHttpServletRequest staff = get("/");
        staff.addHeader("Cookie", "theme=dark; SESSION=ZmFrZQ");
        MockHttpServletResponse r = send(staff, platform("<p>fresh</p>"));
        assertThat(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("<p>fresh</p>");
        assertThat(r.getHeader("ETag")).isNull();
        MockHttpServletRequest api = get("/");
        api.addHeader("Authorization", "Bearer x");
        send(api, platform("<p>fresh</p>"));
        assertThat(renders).hasValue(3);
        assertThat(send(get("/"), platform(HTML)).getContentAsString(StandardCharsets.UTF_8)).isEqualTo(HTML);
    }

    @Test
    void onlyPublicAddressesWithTheirOwnQueriesAreKept() throws Exception {
        for (String path : new String[] {"/records/ycsmzj%2F2026-00001?code=AB12CD34", "/search?q=x", "/?utm=1",
                "/records/draft-12", "/records?from=2026-01-01", "/requests/new", "/regions/%E4%B8%AD"}) {
            send(get(path), platform(HTML));
        }
        assertThat(cache.size()).isZero();
        // MockMvc may set parameters the query string does not show: never kept either.
        MockHttpServletRequest hidden = get("/records/ycsmzj%2F2026-00001");
        hidden.addParameter("code", "AB12CD34");
        send(hidden, platform(HTML));
        assertThat(cache.size()).isZero();
        for (String path : new String[] {"/records/ycsmzj%2F2026-00001?version=2", "/records/ycsmzj/2026-00001",
                "/records?region=360921&page=1", "/regions/360921101", "/catalog/pa-project", "/orgs"}) {
            send(get(path), platform(HTML));
        }
        assertThat(cache.size()).isEqualTo(6);
    }

    @Test
    void aChangeDropsThePagesThatShowIt() throws Exception {
        send(get("/regions/360921"), platform(HTML));
        send(get("/regions/360922"), platform(HTML));
        send(get("/records/ycsmzj%2F2026-00001"), platform(HTML));
        cache.invalidate(Set.of(PublicPagesChanged.region("360921"), PublicPagesChanged.record("ycsmzj/2026-00001")));
        assertThat(cache.size()).isEqualTo(1);
        send(get("/regions/360922"), platform(HTML));
        assertThat(renders).hasValue(3);
        cache.invalidate(Set.of(PublicPagesChanged.EVERYTHING));
        assertThat(cache.size()).isZero();
    }

    @Test
    void aPageRenderedWhileSomethingChangedIsServedButNotKept() throws Exception {
        FilterChain racing = (req, res) -> {
            platform(HTML).doFilter(req, res);
            cache.invalidate(Set.of(PublicPagesChanged.HOME));
        };
        assertThat(send(get("/"), racing).getContentAsString(StandardCharsets.UTF_8)).isEqualTo(HTML);
        assertThat(cache.size()).isZero();
    }

    @Test
    void theLeastRecentlyReadPagesGoWhenTheMemoryIsFull() throws Exception {
        cache = new PageCache(128 * 1024, Duration.ofMinutes(10).toNanos());
        cache.freshUntil(System.nanoTime() + Duration.ofMinutes(10).toNanos());
        filter = new PageCacheFilter(cache, "SESSION");
        // Pages of 6 KB that compress badly (about 10 KB kept with the gzip form): twenty do not fit in 128 KB.
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 20; i++) {
            StringBuilder page = new StringBuilder();
            random.ints(3000, 0, 26).forEach(c -> page.append((char) ('a' + c)).append(random.nextInt(10)));
            send(get("/orgs/org" + i), platform(page.toString()));
            send(get("/orgs/org0"), platform("<p>org0</p>"));
        }
        assertThat(cache.bytes()).isLessThanOrEqualTo(128 * 1024);
        int before = renders.get();
        send(get("/orgs/org0"), platform("<p>org0</p>"));
        assertThat(renders.get()).as("the page read all along is still kept").isEqualTo(before);
        send(get("/orgs/org1"), platform("<p>org1</p>"));
        assertThat(renders.get()).as("the oldest unread page went").isEqualTo(before + 1);
    }

    @Test
    void nothingIsServedFromMemoryWhileChangesCannotBeRead() throws Exception {
        send(get("/"), platform(HTML));
        cache.freshUntil(System.nanoTime() - 1);
        send(get("/"), platform(HTML));
        assertThat(renders).hasValue(2);
    }
}
