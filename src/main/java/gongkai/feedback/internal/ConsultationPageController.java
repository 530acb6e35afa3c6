package gongkai.feedback.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import gongkai.feedback.Consultation;
import gongkai.feedback.Consultations;
import gongkai.feedback.NewConsultationComment;
import gongkai.requests.HumanQuestions;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.TooManyRequestsProblem;

/**
 * The public 意见征集 pages: the list ({@code /consultations}, open ones first) and one consultation with its draft,
 * the comments shown after moderation, the feedback report, the final policy, and while open the comment form with
 * the request form's human question.
 */
@Controller
class ConsultationPageController {

    private final Consultations consultations;
    private final HumanQuestions humanQuestions;

    ConsultationPageController(Consultations consultations, HumanQuestions humanQuestions) {
        this.consultations = consultations;
        this.humanQuestions = humanQuestions;
    }

    @GetMapping("/consultations")
    String list(Model model) {
        model.addAttribute("consultations", consultations.all());
        return "feedback/consultation-list";
    }

    @GetMapping("/consultations/{id}")
    String show(@PathVariable long id, Model model) {
        return page(model, consultations.consultation(id), new NewConsultationComment("", "", true), null);
    }

    @PostMapping("/consultations/{id}/comments")
    String comment(@PathVariable long id, @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "false") boolean isPublic,
            @RequestParam(defaultValue = "") String humanCheckToken,
            @RequestParam(defaultValue = "") String humanCheckAnswer, Model model, RedirectAttributes redirect) {
        Consultation c = consultations.consultation(id);
        NewConsultationComment input = new NewConsultationComment(text, name, isPublic);
        try {
            // Outside the dates the service refuses with them; the question is asked only while it is open.
            if (c.open()) {
                humanQuestions.verify(humanCheckToken, humanCheckAnswer);
            }
            consultations.comment(id, input);
        } catch (InvalidInputProblem e) {
            return page(model, c, input, e);
        } catch (TooManyRequestsProblem e) {
            return page(model, c, input, new InvalidInputProblem("text", e.getMessage()));
        }
        redirect.addFlashAttribute("notice", isPublic ? "您的意见已收到，经审核后公开显示，感谢参与。"
                : "您的意见已收到（不公开），感谢参与。");
        return "redirect:/consultations/" + id;
    }

    private String page(Model model, Consultation c, NewConsultationComment input, InvalidInputProblem problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (problem != null) {
            problem.errors().forEach(f -> errors.merge(f.field(), f.message(), (a, b) -> a + "；" + b));
        }
        model.addAttribute("c", c);
        model.addAttribute("input", input);
        model.addAttribute("problem", problem == null ? null : problem.report());
        model.addAttribute("errors", errors);
        model.addAttribute("challenge", c.open() ? humanQuestions.issue() : null);
        return "feedback/consultation";
    }
}
