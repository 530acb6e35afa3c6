package gongkai.emergency.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import gongkai.emergency.Emergencies;
import gongkai.emergency.Warnings;

/** {@code /warnings}: those in force, then the past ones a page at a time; {@code /warnings/{id}}: one and its history. */
@Controller
class WarningPageController {

    private static final int PAGE = 20;

    private final Warnings warnings;
    private final Emergencies emergencies;

    WarningPageController(Warnings warnings, Emergencies emergencies) {
        this.warnings = warnings;
        this.emergencies = emergencies;
    }

    @GetMapping("/warnings")
    String list(@RequestParam(defaultValue = "1") int page, Model model) {
        int p = Math.max(page, 1);
        long total = warnings.pastCount();
        model.addAttribute("inForce", warnings.inForce());
        model.addAttribute("past", warnings.past(p - 1, PAGE));
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, (total + PAGE - 1) / PAGE));
        return "emergency/warning-list";
    }

    @GetMapping("/warnings/{id}")
    String one(@PathVariable long id, Model model) {
        model.addAttribute("warning", warnings.get(id));
        model.addAttribute("history", warnings.history(id));
        model.addAttribute("emergency", emergencies.ofWarning(id).orElse(null));
        return "emergency/warning";
    }

}
