package gongkai.search.internal;

import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import gongkai.search.RecordSearch;
import gongkai.search.SearchAnswer;
import gongkai.search.SearchIndex;
import gongkai.search.SearchQuery;
import gongkai.search.SearchSuggestions;
import gongkai.search.SuggestAnswer;
import gongkai.shared.InvalidInputProblem;

/**
 * {@code /search} (page with facets as links and a form of advanced options), {@code /api/v1/search} (JSON),
 * {@code /api/v1/search/suggest} (suggestions while typing), and the admin's rebuild.
 */
@Controller
class SearchController {

    private final RecordSearch search;
    private final SearchSuggestions suggestions;
    private final SearchIndex index;
    private final ActiveFilters filters;

    SearchController(RecordSearch search, SearchSuggestions suggestions, SearchIndex index, ActiveFilters filters) {
        this.search = search;
        this.suggestions = suggestions;
        this.index = index;
        this.filters = filters;
    }

    @GetMapping("/search")
    String page(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String domain,
            @RequestParam(required = false) String org, @RequestParam(required = false) String region,
            @RequestParam(required = false) String year, @RequestParam(required = false) String item,
            @RequestParam(required = false) String subjectClass, @RequestParam(required = false) String order,
            @RequestParam(defaultValue = "0") String page, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String titleOnly, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String kind, Model model) {
        SearchQuery.Dates dates;
        String datesProblem = null;
        try {
            dates = SearchQuery.Dates.parse(from, to);
        } catch (InvalidInputProblem e) {
            // The page says what is wrong and searches nothing: results without the range would pass for results
            // within it.
            dates = new SearchQuery.Dates(null, null);
            datesProblem = e.errors().stream().map(InvalidInputProblem.FieldError::message)
                    .collect(Collectors.joining(" "));
        }
        SearchQuery query = query(q, domain, org, region, year, item, subjectClass, order, page, cursor, titleOnly,
                dates, kind);
        SearchAnswer answer = q.isBlank() || datesProblem != null ? null : search.search(query);
        model.addAttribute("query", query);
        model.addAttribute("answer", answer);
        model.addAttribute("datesProblem", datesProblem);
        // As typed, so that a bad date is shown back to be corrected.
        model.addAttribute("fromText", from == null ? "" : from.strip());
        model.addAttribute("toText", to == null ? "" : to.strip());
        // Open for the options only it shows; a kind or body chosen as a facet is named among the chosen filters.
        model.addAttribute("advancedOpen", datesProblem != null || query.titleOnly() || query.from() != null
                || query.to() != null);
        model.addAttribute("filters", filters.of(query));
        model.addAttribute("allResults", filters.withoutFilters(query));
        model.addAttribute("carried", filters.carried(query));
        model.addAttribute("kinds", filters.kinds(query));
        model.addAttribute("bodies", filters.bodies(query));
        if (answer != null) {
            model.addAttribute("facets", filters.facets(query, answer));
            model.addAttribute("otherOrder", filters.otherOrder(query));
            boolean paged = !query.byDate(); // date order goes on with a cursor instead
            model.addAttribute("previousPage", paged && answer.page() > 0
                    ? filters.page(query, answer.page() - 1) : null);
            model.addAttribute("nextPage", paged && answer.page() + 1 < answer.pageCount()
                    ? filters.page(query, answer.page() + 1) : null);
            model.addAttribute("older", answer.nextCursor() != null ? filters.after(query, answer.nextCursor()) : null);
        }
        model.addAttribute("searchPage", true); // its own box stands in for the header's
        return "search/page";
    }

    /** A date that is not one, or a range that ends before it starts, is refused (400) naming the field. */
    @GetMapping("/api/v1/search")
    @ResponseBody
    SearchAnswer api(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String domain,
            @RequestParam(required = false) String org, @RequestParam(required = false) String region,
            @RequestParam(required = false) String year, @RequestParam(required = false) String item,
            @RequestParam(required = false) String subjectClass, @RequestParam(required = false) String order,
            @RequestParam(defaultValue = "0") String page, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String titleOnly, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String kind) {
        return search.search(query(q, domain, org, region, year, item, subjectClass, order, page, cursor, titleOnly,
                SearchQuery.Dates.parse(from, to), kind));
    }

    @GetMapping("/api/v1/search/suggest")
    @ResponseBody
    SuggestAnswer suggest(@RequestParam(defaultValue = "") String q) {
        return suggestions.suggest(q);
    }

    @GetMapping("/admin/search")
    String admin(Model model) {
        model.addAttribute("status", index.status());
        return "search/admin";
    }

    @PostMapping("/admin/search/rebuild")
    String rebuild(RedirectAttributes redirect) {
        SearchIndex.Status status = index.rebuildAsAdmin();
        redirect.addFlashAttribute("notice", "搜索索引已重建：" + status.indexed() + "条信息。");
        return "redirect:/admin/search";
    }

    /**
     * Parameters other than dates are read leniently: a page or year that is not a number is ignored, never an error;
     * a blank filter is no filter; title only is anything a checkbox or a person would send for yes.
     */
    private static SearchQuery query(String q, String domain, String org, String region, String year, String item,
            String subjectClass, String order, String page, String cursor, String titleOnly, SearchQuery.Dates dates,
            String kind) {
        return new SearchQuery(q, given(domain), given(org), given(region), number(year), given(item),
                given(subjectClass), given(order), orZero(number(page)), given(cursor),
                titleOnly != null && java.util.Set.of("true", "on", "1", "yes").contains(titleOnly.strip().toLowerCase()),
                dates.from(), dates.to(), given(kind));
    }

    private static String given(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Integer number(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int orZero(Integer n) {
        return n == null || n < 0 ? 0 : n;
    }
}
