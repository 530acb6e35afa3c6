package gongkai.feedback.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import gongkai.feedback.Supervisors;

/** {@code /supervisors}: the public list of social supervisors with their region and term, and no way to reach them. */
@Controller
class SupervisorPageController {

    private final Supervisors supervisors;

    SupervisorPageController(Supervisors supervisors) {
        this.supervisors = supervisors;
    }

    @GetMapping("/supervisors")
    String list(Model model) {
        model.addAttribute("supervisors", supervisors.listing());
        return "feedback/supervisors-public";
    }
}
