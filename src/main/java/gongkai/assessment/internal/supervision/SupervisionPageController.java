package gongkai.assessment.internal.supervision;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import gongkai.assessment.Supervision;

/** The public 督查整改情况通报: the published quarters, and per body the checks and findings of one. */
@Controller
@RequestMapping("/supervision")
class SupervisionPageController {

    private final Supervision supervision;

    SupervisionPageController(Supervision supervision) {
        this.supervision = supervision;
    }

    @GetMapping
    String quarters(Model model) {
        model.addAttribute("quarters", supervision.publishedQuarters());
        return "assessment/supervision";
    }

    @GetMapping("/{quarter}")
    String quarter(@PathVariable String quarter, Model model) {
        model.addAttribute("summary", supervision.summary(quarter));
        return "assessment/supervision-quarter";
    }
}
