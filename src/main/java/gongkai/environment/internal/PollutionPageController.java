package gongkai.environment.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import gongkai.environment.Enterprise;
import gongkai.environment.PollutionSources;

/**
 * The public pollution-source pages: the enterprises by county with their latest status and their exceedances of the
 * last twelve months ({@code /environment/pollution-sources}), and one enterprise with its outlets and its results,
 * newest first, paged ({@code /environment/pollution-sources/{creditCode}}).
 */
@Controller
class PollutionPageController {

    static final int PAGE_SIZE = 50;

    private final PollutionSources sources;

    PollutionPageController(PollutionSources sources) {
        this.sources = sources;
    }

    @GetMapping("/environment/pollution-sources")
    String list(Model model) {
        model.addAttribute("counties", sources.byCounty());
        return "environment/pollution-list";
    }

    @GetMapping("/environment/pollution-sources/{creditCode}")
    String enterprise(@PathVariable String creditCode, @RequestParam(defaultValue = "1") int page, Model model) {
        Enterprise e = sources.get(creditCode);
        model.addAttribute("enterprise", e);
        model.addAttribute("outlets", sources.outlets(e.creditCode()));
        model.addAttribute("results", sources.results(e.creditCode(), page, PAGE_SIZE));
        return "environment/pollution-enterprise";
    }
}
