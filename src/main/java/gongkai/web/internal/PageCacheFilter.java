package gongkai.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves public pages from {@link PageCache}, in front of everything else: a kept page costs no security check, no
 * session lookup and no rendering. It answers conditional requests (If-None-Match, If-Modified-Since) with 304 and
 * sends the gzip form to clients that accept it. Pages say {@code Cache-Control: no-cache}: browsers keep them but
 * ask each time, and get a 304 while nothing changed.
 *
 * <p>Only the addresses of {@link PublicPagePaths} are kept, and only for visitors who are nobody in particular: a
 * request with the session cookie or an Authorization header (signed-in staff, residents) goes past the cache both
 * ways — it is neither served a kept page nor stored. A rendered page is stored only if it is a 200 HTML page
 * rendered for an anonymous visitor ({@link AnonymousMarker}, asked after Spring Security), sets no cookie and holds
 * no CSRF token (a page with a form that posts is never kept).
 */
final class PageCacheFilter implements Filter {

    /** Request attribute: set when the page was rendered for a visitor nobody signed in as. */
    static final String ANONYMOUS = PageCacheFilter.class.getName() + ".anonymous";

    /** Headers of a rendered page that are not kept: ours replace them, or the server writes them each time. */
    private static final Set<String> NOT_KEPT = Set.of("cache-control", "pragma", "expires", "vary", "set-cookie",
            "content-type", "content-length", "content-encoding", "transfer-encoding", "etag", "last-modified", "date",
            "connection", "keep-alive", "content-language");

    private final PageCache cache;
    private final String sessionCookie;

    PageCacheFilter(PageCache cache, String sessionCookie) {
        this.cache = cache;
        this.sessionCookie = sessionCookie + "=";
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String method = request.getMethod();
        boolean get = method.equals("GET");
        if (!get && !method.equals("HEAD")) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        Set<String> tags = PublicPagePaths.tags(path, query);
        if (tags == null || personal(request) || !onlyTheQuery(request, query)) {
            chain.doFilter(request, response);
            return;
        }
        // Pages differ by the reader's 长者模式, text size and script (cookies): each combination is kept apart.
        String key = ReadingPreferences.of(request).cacheVariant()
                + (query == null || query.isEmpty() ? path : path + '?' + query);
        PageCache.Page page = cache.get(key);
        if (page != null) {
            serve(request, response, page, get);
            return;
        }
        if (!get) {
            chain.doFilter(request, response);
            return;
        }
        long generation = cache.generation();
        ContentCachingResponseWrapper rendered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, rendered);
        page = keepable(request, rendered) ? page(rendered, tags) : null;
        if (page == null || response.isCommitted()) {
            rendered.copyBodyToResponse();
            return;
        }
        cache.put(key, page, generation);
        // What was rendered is answered the same way as a kept page, whether or not it could be stored.
        response.reset();
        serve(request, response, page, true);
    }

    /** Signed in, or possibly so: the session cookie or credentials. */
    private boolean personal(HttpServletRequest request) {
        if (request.getHeader("Authorization") != null) {
            return true;
        }
        if (request.getHeader("Cookie") == null) {
            return false;
        }
        // HTTP/2 may split the cookies over several headers.
        for (String cookies : Collections.list(request.getHeaders("Cookie"))) {
            for (String cookie : cookies.split(";")) {
                if (cookie.strip().startsWith(sessionCookie)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the parameters are those of the query string, which the key holds. So they are for a GET over HTTP; a
     * MockMvc request can carry others (an access code), which must not reach a kept page either way.
     */
    private static boolean onlyTheQuery(HttpServletRequest request, String query) {
        int inQuery = query == null || query.isEmpty() ? 0 : 1 + (int) query.chars().filter(c -> c == '&').count();
        return request.getParameterMap().size() == inQuery;
    }

    private static boolean keepable(HttpServletRequest request, ContentCachingResponseWrapper rendered) {
        String type = rendered.getContentType();
        return rendered.getStatus() == 200 && type != null && type.startsWith("text/html")
                && Boolean.TRUE.equals(request.getAttribute(ANONYMOUS))
                && !rendered.containsHeader("Set-Cookie") && rendered.getContentSize() > 0
                && !new String(rendered.getContentAsByteArray(), StandardCharsets.UTF_8).contains("_csrf");
    }

    private static PageCache.Page page(ContentCachingResponseWrapper rendered, Set<String> tags) {
        List<String[]> headers = new ArrayList<>();
        for (String name : rendered.getHeaderNames()) {
            if (!NOT_KEPT.contains(name.toLowerCase(Locale.ROOT))) {
                for (String value : rendered.getHeaders(name)) {
                    headers.add(new String[] {name, value});
                }
            }
        }
        // Tomcat keeps the language apart from the other headers until it sends them.
        String language = rendered.getHeader("Content-Language");
        headers.add(new String[] {"Content-Language",
                language != null ? language : rendered.getLocale().toLanguageTag()});
        return new PageCache.Page(rendered.getContentAsByteArray(), rendered.getContentType(), headers, tags,
                Instant.now());
    }

    private static void serve(HttpServletRequest request, HttpServletResponse response, PageCache.Page page,
            boolean body) throws IOException {
        boolean gzip = acceptsGzip(request.getHeader("Accept-Encoding"));
        response.setHeader("ETag", gzip ? page.gzipEtag : page.etag);
        response.setHeader("Last-Modified", page.lastModifiedHeader);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Vary", "Accept-Encoding");
        if (notModified(request, page)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        for (String[] header : page.headers) {
            response.addHeader(header[0], header[1]);
        }
        response.setContentType(page.contentType);
        byte[] bytes = gzip ? page.gzip : page.identity;
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(bytes.length);
        if (body) {
            response.getOutputStream().write(bytes);
        }
    }

    /** RFC 9110 §13.1: If-None-Match (weak comparison) decides when present; else If-Modified-Since. */
    private static boolean notModified(HttpServletRequest request, PageCache.Page page) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.strip();
                if (t.startsWith("W/")) {
                    t = t.substring(2);
                }
                if (t.equals("*") || t.equals(page.etag) || t.equals(page.gzipEtag)) {
                    return true;
                }
            }
            return false;
        }
        if (request.getHeader("If-Modified-Since") == null) {
            return false;
        }
        try {
            long since = request.getDateHeader("If-Modified-Since");
            return since >= 0 && page.lastModified <= since;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether the client takes gzip: named (or {@code *}) without {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            int semicolon = coding.indexOf(';');
            String name = (semicolon < 0 ? coding : coding.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
            if (name.equals("gzip") || name.equals("x-gzip") || name.equals("*")) {
                return semicolon < 0 || !zeroQuality(coding.substring(semicolon + 1));
            }
        }
        return false;
    }

    private static boolean zeroQuality(String parameters) {
        for (String p : parameters.split(";")) {
            String s = p.strip().toLowerCase(Locale.ROOT);
            if (s.startsWith("q=")) {
                return s.substring(2).strip().matches("0(\\.0{0,3})?");
            }
        }
        return false;
    }

    /**
     * Marks a request whose page is rendered for a visitor nobody signed in as, asked once Spring Security has
     * established who is asking: the filter runs before it and cannot tell by itself.
     */
    static final class AnonymousMarker implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
                request.setAttribute(ANONYMOUS, Boolean.TRUE);
            }
            return true;
        }
    }
}
