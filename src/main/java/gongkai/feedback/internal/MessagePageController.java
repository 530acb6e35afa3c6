package gongkai.feedback.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import gongkai.feedback.Messages;
import gongkai.feedback.NewMessage;
import gongkai.requests.HumanQuestions;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.TooManyRequestsProblem;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The public 咨询留言 pages: the published questions and answers with counts per body ({@code /messages}, filtered by
 * body and a plain text), the form to ask a body ({@code /messages/new}, with the request form's human question) and
 * the asker's page to follow their question with its code ({@code /messages/track}).
 */
@Controller
class MessagePageController {

    private final Messages messages;
    private final HumanQuestions humanQuestions;

    MessagePageController(Messages messages, HumanQuestions humanQuestions) {
        this.messages = messages;
        this.humanQuestions = humanQuestions;
    }

    @GetMapping("/messages")
    String list(@RequestParam(required = false) String org, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("items", messages.published(org, q));
        model.addAttribute("counts", messages.counts());
        model.addAttribute("bodies", messages.bodies());
        model.addAttribute("org", org == null || org.isBlank() ? null : org.strip());
        model.addAttribute("q", q == null ? "" : q.strip());
        return "feedback/message-list";
    }

    @GetMapping("/messages/new")
    String form(@RequestParam(required = false) String org, Model model) {
        return form(model, new NewMessage(org, "", "", "", "", "", false), null, Map.of());
    }

    @PostMapping("/messages/new")
    String ask(@RequestParam(defaultValue = "") String org, @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String question, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "false") boolean keepPrivate,
            @RequestParam(defaultValue = "") String humanCheckToken,
            @RequestParam(defaultValue = "") String humanCheckAnswer, Model model, HttpServletResponse response) {
        NewMessage input = new NewMessage(org, subject, question, name, phone, email, keepPrivate);
        try {
            humanQuestions.verify(humanCheckToken, humanCheckAnswer);
            model.addAttribute("receipt", messages.ask(input));
        } catch (InvalidInputProblem e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, input, e, byField(e));
        } catch (TooManyRequestsProblem e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            InvalidInputProblem p = new InvalidInputProblem("question", e.getMessage());
            return form(model, input, p, byField(p));
        }
        return "feedback/message-receipt";
    }

    private String form(Model model, NewMessage input, InvalidInputProblem problem, Map<String, String> errors) {
        model.addAttribute("input", input);
        model.addAttribute("bodies", messages.bodies());
        model.addAttribute("dueDays", messages.dueDays());
        model.addAttribute("problem", problem == null ? null : problem.report());
        model.addAttribute("errors", errors);
        model.addAttribute("challenge", humanQuestions.issue());
        return "feedback/message-new";
    }

    @GetMapping("/messages/track")
    String trackForm(Model model) {
        model.addAttribute("trackingNo", "");
        return "feedback/message-track";
    }

    @PostMapping("/messages/track")
    String track(@RequestParam(defaultValue = "") String trackingNo, @RequestParam(defaultValue = "") String code,
            Model model, HttpServletResponse response) {
        model.addAttribute("trackingNo", trackingNo);
        try {
            model.addAttribute("found", messages.track(trackingNo, code));
        } catch (InvalidInputProblem e) {
            model.addAttribute("error", Messages.LOOKUP_FAILED);
        } catch (TooManyRequestsProblem e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("error", e.getMessage());
        }
        return "feedback/message-track";
    }

    static Map<String, String> byField(InvalidInputProblem e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.errors().forEach(f -> errors.merge(f.field(), f.message(), (a, b) -> a + "；" + b));
        return errors;
    }
}
