package gongkai.web.internal;

import java.util.Set;

import gongkai.shared.PublicPagesChanged;

/**
 * Which addresses are public pages the same for every anonymous visitor, and what each shows (its tags). Only these
 * are kept by {@link PageCache}. Codes and index numbers are plain ASCII: an address holding anything else is not
 * kept (it is rendered, and checked, as usual). A query is allowed only where it selects a page ({@code version} of a
 * record, the filters and page of {@code /records}), with plain values, so that other queries cannot fill the memory
 * with copies; anything else (an access code, a search) goes past the cache.
 */
final class PublicPagePaths {

    private static final Set<String> RECORD_QUERY = Set.of("version");
    private static final Set<String> LIST_QUERY = Set.of("page", "domain", "org", "region", "item");
    private static final int MAX_QUERY = 200;

    private PublicPagePaths() {
    }

    /** The tags of the page at {@code path} (within the application, undecoded), or null if it is not kept. */
    static Set<String> tags(String path, String query) {
        if (path.equals("/")) {
            return noQuery(query, Set.of(PublicPagesChanged.HOME));
        }
        // The catalogue and the organisations' list show reference data only: they change with EVERYTHING.
        if (path.equals("/catalog") || path.equals("/orgs")) {
            return noQuery(query, Set.of());
        }
        if (path.equals("/records")) {
            return allowed(query, LIST_QUERY) ? Set.of(PublicPagesChanged.RECORD_LISTS) : null;
        }
        int second = path.indexOf('/', 1);
        if (second < 0) {
            return null;
        }
        String section = path.substring(0, second);
        String rest = path.substring(second + 1);
        switch (section) {
            case "/domains":
                return code(rest) ? noQuery(query, Set.of(PublicPagesChanged.domain(rest))) : null;
            case "/catalog":
                return code(rest) ? noQuery(query, Set.of(PublicPagesChanged.item(rest))) : null;
            case "/orgs":
                return code(rest) ? noQuery(query, Set.of(PublicPagesChanged.org(rest))) : null;
            case "/regions":
                return code(rest) ? noQuery(query, Set.of(PublicPagesChanged.region(rest))) : null;
            case "/records":
                String indexNo = indexNo(rest);
                return indexNo != null && allowed(query, RECORD_QUERY)
                        ? Set.of(PublicPagesChanged.record(indexNo)) : null;
            default:
                return null;
        }
    }

    /**
     * The index number a record page's address names, as {@code prefix/serial} or {@code prefix%2Fserial}. Draft keys
     * are left out: their page is the same record under another name, which its events would not reach.
     */
    private static String indexNo(String rest) {
        String n = rest.replace("%2F", "/").replace("%2f", "/");
        int slash = n.indexOf('/');
        if (slash <= 0 || slash != n.lastIndexOf('/') || n.startsWith("draft-")) {
            return null;
        }
        return code(n.substring(0, slash)) && code(n.substring(slash + 1)) ? n : null;
    }

    private static Set<String> noQuery(String query, Set<String> tags) {
        return query == null || query.isEmpty() ? tags : null;
    }

    /** Every parameter one of {@code names}, with a plain value. */
    private static boolean allowed(String query, Set<String> names) {
        if (query == null || query.isEmpty()) {
            return true;
        }
        if (query.length() > MAX_QUERY) {
            return false;
        }
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq < 0 || !names.contains(pair.substring(0, eq)) || !value(pair.substring(eq + 1))) {
                return false;
            }
        }
        return true;
    }

    private static boolean code(String s) {
        return !s.isEmpty() && s.length() <= 64 && value(s) && s.charAt(0) != '.';
    }

    private static boolean value(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
