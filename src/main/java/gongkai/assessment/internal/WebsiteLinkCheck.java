package gongkai.assessment.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The link check of the website self-inspection (链接可用性, 国办秘函〔2019〕19号): starting from a body's page and
 * its list of records, it reads the pages of this site they lead to (up to a limit) and tries every link and image on
 * them that points into this site. A link answering 4xx or 5xx, or not at all, is broken. Links to other sites are
 * not tried: the platform calls no outside service. One instance serves one run: a link tried for one body is not
 * tried again for the next.
 */
public final class WebsiteLinkCheck {

    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final int maxPages;
    private final Map<String, Integer> tried = new HashMap<>();

    /**
     * @param base     this node's own address, e.g. {@code http://127.0.0.1:8080} (with the context path, no slash)
     * @param maxPages pages read per body, the body's own two included
     */
    public WebsiteLinkCheck(String base, int maxPages) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.maxPages = maxPages;
    }

    /** What a body's check found: the pages it could read and the links on them that did not open. */
    public record Result(int pages, List<LinkCheckResults.Broken> broken) {
    }

    /** Reads the body's pages and tries their links. */
    public Result check(String org) throws InterruptedException {
        List<LinkCheckResults.Broken> broken = new ArrayList<>();
        Deque<String> pages = new ArrayDeque<>(List.of("/orgs/" + org, "/records?org=" + org));
        Set<String> read = new LinkedHashSet<>();
        int opened = 0;
        while (!pages.isEmpty() && read.size() < maxPages) {
            String page = pages.poll();
            if (!read.add(page)) {
                continue;
            }
            Fetched f = fetch(page, true);
            if (f.status() != 200 || f.body() == null) {
                continue;
            }
            opened++;
            for (String link : links(f.body())) {
                int status = tried.computeIfAbsent(link, l -> fetchQuietly(l));
                if (status == 0 || status >= 400) {
                    broken.add(new LinkCheckResults.Broken(page, link, status));
                } else if (ownRecordPage(link, org) && !read.contains(link)) {
                    pages.add(link);
                }
            }
        }
        return new Result(opened, broken);
    }

    /** This site's links on a page: paths (and same-site absolute addresses made into paths), without fragments. */
    List<String> links(String html) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = LINK.matcher(html);
        while (m.find()) {
            String link = m.group(1).replace("&amp;", "&");
            if (link.startsWith(base + "/")) {
                link = link.substring(base.length());
            }
            int hash = link.indexOf('#');
            link = hash >= 0 ? link.substring(0, hash) : link;
            if (link.startsWith("/") && !link.startsWith("//") && !link.startsWith("/admin")) {
                out.add(link);
            }
        }
        return new ArrayList<>(out);
    }

    /** The pages worth reading further: the body's records and the next pages of its list. */
    private static boolean ownRecordPage(String link, String org) {
        return link.startsWith("/records/") || link.startsWith("/records?org=" + org + "&");
    }

    private int fetchQuietly(String path) {
        try {
            return fetch(path, false).status();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private record Fetched(int status, String body) {
    }

    private Fetched fetch(String path, boolean keepBody) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                    .header("User-Agent", "gongkai-self-inspection").GET().build();
            if (keepBody) {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                return new Fetched(r.statusCode(), r.body());
            }
            HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Fetched(r.statusCode(), null);
        } catch (IOException | IllegalArgumentException e) {
            return new Fetched(0, null);
        }
    }
}
