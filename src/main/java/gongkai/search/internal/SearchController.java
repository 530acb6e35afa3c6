package gongkai.search.internal;

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

/** {@code /search} (page with facets as links), {@code /api/v1/search} (JSON), and the admin's rebuild. */
@Controller
class SearchController {

    private final RecordSearch search;
    private final SearchIndex index;
    private final ActiveFilters filters;

    SearchController(RecordSearch search, SearchIndex index, ActiveFilters filters) {
        this.search = search;
        this.index = index;
        this.filters = filters;
    }

    @GetMapping("/search")
    String page(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String domain,
            @RequestParam(required = false) String org, @RequestParam(required = false) String region,
            @RequestParam(required = false) String year, @RequestParam(required = false) String item,
            @RequestParam(required = false) String subjectClass, @RequestParam(required = false) String order,
            @RequestParam(defaultValue = "0") String page, @RequestParam(required = false) String cursor,
            Model model) {
        SearchQuery query = new SearchQuery(q, domain, org, region, number(year), item, subjectClass, order,
                orZero(number(page)), cursor);
        model.addAttribute("query", query);
        model.addAttribute("answer", q.isBlank() ? null : search.search(query));
        model.addAttribute("filters", filters.of(query));
        model.addAttribute("allResults", filters.withoutFilters(query));
        model.addAttribute("searchPage", true); // its own box stands in for the header's
        return "search/page";
    }

    @GetMapping("/api/v1/search")
    @ResponseBody
    SearchAnswer api(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String domain,
            @RequestParam(required = false) String org, @RequestParam(required = false) String region,
            @RequestParam(required = false) String year, @RequestParam(required = false) String item,
            @RequestParam(required = false) String subjectClass, @RequestParam(required = false) String order,
            @RequestParam(defaultValue = "0") String page, @RequestParam(required = false) String cursor) {
        return search.search(new SearchQuery(q, domain, org, region, number(year), item, subjectClass, order,
                orZero(number(page)), cursor));
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

    /** Parameters are read leniently: a page or year that is not a number is ignored, never an error. */
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
