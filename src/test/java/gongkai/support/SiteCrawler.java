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
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Follows, as one visitor (the public, or one signed-in person), every same-site link and every GET form on every page
 * it reaches over real HTTP, and lists what a user would see as broken: a server error, a printed link that leads
 * nowhere or to a refusal, or template text left on a page. Only GET: it never submits a POST form, so it changes
 * nothing (and never signs out). Bounded per visitor, and per kind of address (e.g. {@code /records/*}), so that it
 * stays fast however much data there is.
 */
public final class SiteCrawler {

    /** What was found, and where: the address, how it answered, and the page that printed it. */
    public record Problem(String visitor, String url, int status, String what, String foundOn) {
        @Override
        public String toString() {
            return visitor + ": " + (status > 0 ? status + " " : "") + url + " — " + what
                    + (foundOn == null ? "" : " (printed on " + foundOn + ")");
        }
    }

    private record Target(String url, String foundOn, String via) {
    }

    /** Template syntax a rendered page must never show: expressions, and Thymeleaf's marker for a missing message. */
    private static final Pattern TEMPLATE_TEXT = Pattern.compile(
            "[$#*@~]\\{|\\?\\?[^?\\s]{1,120}\\?\\?|(?<![A-Za-z])th:[a-z]");
    /** Path segments that are words of the site's routes, not codes or numbers. */
    private static final Set<String> ROUTE_WORDS = Set.of("new", "edit", "track", "statistics", "attachments",
            "notice.pdf", "letter.pdf", "me", "register", "login", "password", "problems");
    /** Collections whose children are named by letter codes (organisations, catalogue items, index prefixes). */
    private static final Set<String> COLLECTIONS = Set.of("orgs", "catalog", "domains", "statistics", "regions",
            "records", "requests", "users", "tokens");
    private static final String SAMPLE_TEXT = "低保";

    private final String base;
    private final String visitor;
    private final int maxPages;
    private final int maxPerPattern;
    private final HttpClient http;

    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final Set<String> formsSubmitted = new HashSet<>();
    private final Map<String, Integer> perPattern = new HashMap<>();
    /** Kinds another visitor's crawl covered already: one address of each is enough here. */
    private final Set<String> coveredElsewhere = new HashSet<>();
    private final Map<String, Long> nanosPerPattern = new HashMap<>();
    private final Deque<Target> queue = new ArrayDeque<>();
    private boolean signedIn;
    private int fetched;
    private int formCount;
    private int skippedByBound;

    public SiteCrawler(String base, String visitor, int maxPages, int maxPerPattern) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.visitor = visitor;
        this.maxPages = maxPages;
        this.maxPerPattern = maxPerPattern;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * Signs in through the page form, with its CSRF token, as a person would; returns where the platform sent them.
     */
    public String signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = get(base + "/admin/login");
        Document doc = Jsoup.parse(page.body(), base + "/admin/login");
        Element form = doc.selectFirst("form[action$=/admin/login]");
        if (form == null) {
            throw new IllegalStateException("no sign-in form on /admin/login: " + page.statusCode());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(i -> fields.put(i.attr("name"), i.attr("value")));
        fields.put("username", username);
        fields.put("password", password);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(form.absUrl("action")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query(fields))).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException(username + " could not sign in: " + answer.statusCode() + " " + location);
        }
        signedIn = true;
        return URI.create(base).resolve(location).getPath();
    }

    /**
     * Kinds of address (see {@link #pattern}) another visitor fetched at their full bound: this visitor fetches one
     * of each, enough to meet what differs for them (the header of a signed-in page), and spends the rest of its
     * bound on the kinds only it reaches.
     */
    public SiteCrawler alreadyCovered(Set<String> kinds) {
        coveredElsewhere.addAll(kinds);
        return this;
    }

    /** Crawls from the given paths; returns this visitor's problems. */
    public List<Problem> crawl(String... startPaths) throws InterruptedException {
        for (String path : startPaths) {
            enqueue(base + path, null, "start", false);
        }
        while (!queue.isEmpty() && fetched < maxPages) {
            visit(queue.removeFirst());
        }
        if (!queue.isEmpty()) {
            skippedByBound += queue.size();
        }
        return problems;
    }

    /** The kinds of address fetched (see {@link #pattern}), to check that the crawl reached what it should. */
    public Set<String> kindsFetched() {
        return Set.copyOf(nanosPerPattern.keySet());
    }

    /** What was crawled, and which kinds of address took the most time (to tune the bounds, never asserted). */
    public String summary() {
        List<String> slowest = nanosPerPattern.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                .map(e -> e.getKey() + " " + e.getValue() / 1_000_000 + " ms").toList();
        return String.format("%-24s %4d addresses fetched, %3d GET forms submitted, %4d links left out by the bounds, "
                + "%d problems; slowest kinds: %s", visitor, fetched, formCount, skippedByBound, problems.size(),
                String.join(", ", slowest));
    }

    private void visit(Target target) throws InterruptedException {
        fetched++;
        long started = System.nanoTime();
        try {
            fetchAndCheck(target);
        } finally {
            nanosPerPattern.merge(pattern(target.url()), System.nanoTime() - started, Long::sum);
        }
    }

    private void fetchAndCheck(Target target) throws InterruptedException {
        String url = target.url();
        HttpResponse<byte[]> response;
        int hops = 0;
        try {
            response = send(url);
            // Redirects are followed here (not by the client) so that each hop is checked to stay on the site.
            while (response.statusCode() / 100 == 3 && hops++ < 5) {
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    break;
                }
                String next = URI.create(url).resolve(ascii(location)).toString();
                if (!sameSite(next)) {
                    return;
                }
                url = next;
                response = send(url);
            }
        } catch (IOException | IllegalArgumentException e) {
            problems.add(new Problem(visitor, url, 0, "could not be fetched: " + e, target.foundOn()));
            return;
        }
        int status = response.statusCode();
        seen.add(url);
        if (status / 100 == 3) {
            problems.add(new Problem(visitor, target.url(), status, "more than 5 redirects", target.foundOn()));
            return;
        }
        if (signedIn && url.startsWith(base + "/admin/login") && !target.url().startsWith(base + "/admin/login")) {
            problems.add(new Problem(visitor, target.url(), status, "asks a signed-in visitor to sign in again",
                    target.foundOn()));
            return;
        }
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        Document doc = type.startsWith("text/html")
                ? Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8), url)
                : null;
        String via = target.via().equals("form") ? "GET form" : "link";
        if (status >= 500) {
            problems.add(new Problem(visitor, target.url(), status, "server error from a " + via, target.foundOn()));
        } else if (status >= 400 && !(status == 403 && asksForAccessCode(doc))) {
            // A targeted record answers 403 with the form for its access code: that is the page, not a dead end.
            problems.add(new Problem(visitor, target.url(), status, "refused or missing, from a " + via,
                    target.foundOn()));
        }
        if (doc == null) {
            return;
        }
        List<String> template = templateText(doc);
        if (!template.isEmpty()) {
            problems.add(new Problem(visitor, target.url(), status, "template text on the page: "
                    + String.join(", ", template), target.foundOn()));
        }
        if (status >= 400) {
            return;
        }
        for (Element a : doc.select("a[href], link[href], area[href]")) {
            enqueue(a.absUrl("href"), url, "link", false);
        }
        for (Element e : doc.select("img[src], script[src]")) {
            enqueue(e.absUrl("src"), url, "link", false);
        }
        for (Element form : doc.select("form")) {
            String method = form.attr("method");
            if (method.isEmpty() || method.equalsIgnoreCase("get")) {
                submit(form, url);
            }
        }
    }

    /** Fills a GET form as a visitor who changes nothing would, and queues its address once per action and fields. */
    private void submit(Element form, String pageUrl) {
        String action = form.hasAttr("action") && !form.attr("action").isBlank() ? form.absUrl("action") : pageUrl;
        int q = action.indexOf('?');
        if (q >= 0) {
            // An HTML GET form replaces the action's query with its fields.
            action = action.substring(0, q);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Set<String> radioGroups = new HashSet<>();
        for (Element el : form.select("input[name], select[name], textarea[name]")) {
            if (el.hasAttr("disabled")) {
                continue;
            }
            String name = el.attr("name");
            switch (el.tagName()) {
                case "select" -> {
                    Element option = el.selectFirst("option[selected]");
                    if (option == null) {
                        option = el.selectFirst("option");
                    }
                    if (option != null) {
                        fields.put(name, option.hasAttr("value") ? option.attr("value") : option.text());
                    }
                }
                case "textarea" -> fields.put(name, el.text().isBlank() ? SAMPLE_TEXT : el.text());
                default -> {
                    String type = el.attr("type").toLowerCase(Locale.ROOT);
                    switch (type) {
                        case "submit", "button", "image", "reset", "file" -> {
                        }
                        case "checkbox" -> {
                            if (el.hasAttr("checked")) {
                                fields.put(name, el.hasAttr("value") ? el.attr("value") : "on");
                            }
                        }
                        case "radio" -> {
                            if (el.hasAttr("checked") || radioGroups.add(name) && !fields.containsKey(name)) {
                                fields.put(name, el.attr("value"));
                            }
                        }
                        case "", "text", "search" -> fields.put(name, !el.attr("value").isBlank() ? el.attr("value")
                                : SAMPLE_TEXT);
                        default -> fields.put(name, el.attr("value"));
                    }
                }
            }
        }
        if (!sameSite(action)) {
            return;
        }
        String key = pattern(action) + " " + new TreeSet<>(fields.keySet());
        if (!formsSubmitted.add(key)) {
            return;
        }
        formCount++;
        enqueue(fields.isEmpty() ? action : action + "?" + query(fields), pageUrl, "form", true);
    }

    private void enqueue(String raw, String foundOn, String via, boolean unbounded) {
        if (raw == null || raw.isBlank()) {
            return;
        }
        String url;
        try {
            URI uri = URI.create(ascii(raw));
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
                return;
            }
            // Rebuilt from the raw parts, without the fragment, keeping the link's own percent-encoding (%2F).
            url = uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? ""
                    : uri.getRawPath()) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(visitor, raw, 0, "not a valid address", foundOn));
            return;
        }
        if (!sameSite(url) || url.contains("/logout") || !seen.add(url)) {
            return;
        }
        String pattern = pattern(url);
        int n = perPattern.merge(pattern, 1, Integer::sum);
        if (!unbounded && n > (coveredElsewhere.contains(pattern) ? 1 : maxPerPattern)) {
            skippedByBound++;
            return;
        }
        queue.addLast(new Target(url, foundOn, via));
    }

    /**
     * The kind of address: literal route words kept, codes and numbers replaced by '*', and the query's parameter
     * names without their values. {@code /records/yzqzf%2F2026-00001?version=1} → {@code /records/*?version}.
     */
    static String pattern(String url) {
        URI uri = URI.create(url);
        String[] segments = (uri.getRawPath() == null ? "" : uri.getRawPath()).split("/");
        StringBuilder out = new StringBuilder();
        String previous = "";
        for (int i = 1; i < segments.length; i++) {
            String s = segments[i];
            boolean variable = i > 1 && !ROUTE_WORDS.contains(s)
                    && (!s.matches("[a-z][a-z.-]*") || COLLECTIONS.contains(previous) || "*".equals(previous));
            out.append('/').append(variable ? "*" : s);
            previous = variable ? "*" : s;
        }
        if (uri.getRawQuery() != null) {
            TreeSet<String> names = new TreeSet<>();
            for (String pair : uri.getRawQuery().split("&")) {
                names.add(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair);
            }
            out.append('?').append(String.join("&", names));
        }
        return out.isEmpty() ? "/" : out.toString();
    }

    private static boolean asksForAccessCode(Document doc) {
        return doc != null && doc.selectFirst("form[method=get] input[name=code]") != null;
    }

    /** Template syntax in the title, in any text, or in any attribute (a th: attribute means an unrendered page). */
    private static List<String> templateText(Document doc) {
        Set<String> found = new TreeSet<>();
        find(doc.title(), found);
        for (Element el : doc.getAllElements()) {
            if (el.tagName().equals("script") || el.tagName().equals("style")) {
                continue;
            }
            for (TextNode t : el.textNodes()) {
                find(t.getWholeText(), found);
            }
            for (Attribute a : el.attributes()) {
                if (a.getKey().startsWith("th:") || a.getKey().startsWith("data-th-")) {
                    found.add(a.getKey() + "=\"" + a.getValue() + "\"");
                }
                find(a.getValue(), found);
            }
        }
        return found.stream().limit(3).toList();
    }

    /** The first piece of template syntax in a text, with a little of what surrounds it. */
    private static void find(String text, Set<String> found) {
        Matcher m = TEMPLATE_TEXT.matcher(text);
        if (m.find()) {
            int from = Math.max(0, m.start() - 20);
            int to = Math.min(text.length(), m.end() + 30);
            found.add("“" + text.substring(from, to).strip() + "”");
        }
    }

    private boolean sameSite(String url) {
        return url.startsWith(base + "/") || url.equals(base);
    }

    private HttpResponse<byte[]> send(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String query(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    /** Percent-encodes what a browser would before sending (non-ASCII, spaces); drops the fragment. */
    private static String ascii(String url) {
        int hash = url.indexOf('#');
        String s = hash >= 0 ? url.substring(0, hash) : url;
        StringBuilder out = new StringBuilder();
        for (byte b : s.strip().getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
                out.append('%').append(String.format("%02X", c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }
}
