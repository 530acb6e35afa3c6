package gongkai.environment.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import gongkai.environment.EiaCaseView;
import gongkai.environment.EiaCases;
import gongkai.environment.EiaStage;
import gongkai.environment.NewEiaComment;
import gongkai.requests.HumanQuestions;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.TooManyRequestsProblem;

/**
 * The public EIA pages: the cases with a published notice ({@code /environment/eia}, by stage and county, newest
 * first) and one case's three stages as a timeline ({@code /environment/eia/{id}}) with the comment form while a
 * period is open. The form asks the request form's human question.
 */
@Controller
class EiaPageController {

    private final EiaCases cases;
    private final HumanQuestions humanQuestions;

    EiaPageController(EiaCases cases, HumanQuestions humanQuestions) {
        this.cases = cases;
        this.humanQuestions = humanQuestions;
    }

    @GetMapping("/environment/eia")
    String list(@RequestParam(required = false) String stage, @RequestParam(required = false) String region,
            Model model) {
        EiaStage only = stage(stage);
        String county = region == null || region.isBlank() ? null : region.strip();
        model.addAttribute("cases", cases.published(only, county));
        model.addAttribute("stages", EiaStage.values());
        model.addAttribute("counties", cases.counties());
        model.addAttribute("stage", only == null ? null : only.name());
        model.addAttribute("region", county);
        return "environment/eia-list";
    }

    @GetMapping("/environment/eia/{id}")
    String show(@PathVariable long id, Model model) {
        return page(model, cases.publicView(id), new NewEiaComment(null, null, null), null, Map.of());
    }

    @PostMapping("/environment/eia/{id}/comments")
    String comment(@PathVariable long id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String contact, @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String humanCheckToken,
            @RequestParam(defaultValue = "") String humanCheckAnswer, Model model, RedirectAttributes redirect) {
        EiaCaseView view = cases.publicView(id);
        NewEiaComment input = new NewEiaComment(name, contact, text);
        EiaStage stage;
        try {
            // Outside a period the case refuses with the dates; the question is only asked while one is open.
            if (view.openStage() != null) {
                humanQuestions.verify(humanCheckToken, humanCheckAnswer);
            }
            stage = cases.comment(id, input);
        } catch (InvalidInputProblem e) {
            return page(model, view, input, e, byField(e));
        } catch (TooManyRequestsProblem e) {
            InvalidInputProblem p = new InvalidInputProblem("text", e.getMessage());
            return page(model, view, input, p, byField(p));
        }
        redirect.addFlashAttribute("notice", "您对" + stage.label() + "的意见已收到，感谢参与。意见不公开原文，办理情况将在批后公告中说明。");
        return "redirect:/environment/eia/" + id;
    }

    private String page(Model model, EiaCaseView view, NewEiaComment input, InvalidInputProblem problem,
            Map<String, String> errors) {
        model.addAttribute("c", view);
        model.addAttribute("input", input);
        model.addAttribute("problem", problem == null ? null : problem.report());
        model.addAttribute("errors", errors);
        model.addAttribute("challenge", view.openStage() == null ? null : humanQuestions.issue());
        return "environment/eia-case";
    }

    static Map<String, String> byField(InvalidInputProblem e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.errors().forEach(f -> errors.merge(f.field(), f.message(), (a, b) -> a + "；" + b));
        return errors;
    }

    static EiaStage stage(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        EiaStage s = EiaStage.parse(text);
        if (s == null) {
            throw new InvalidInputProblem("stage", "阶段只能是 ACCEPTANCE（受理公示）、APPROVAL（拟审批公示）或 POST_APPROVAL（批后公告）。");
        }
        return s;
    }
}
