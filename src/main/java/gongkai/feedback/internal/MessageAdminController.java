package gongkai.feedback.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import gongkai.catalog.Catalog;
import gongkai.feedback.Message;
import gongkai.feedback.Messages;
import gongkai.feedback.ReviewDecision;
import gongkai.shared.Actor;
import gongkai.shared.InvalidInputProblem;

/**
 * The body's 咨询留言 inbox ({@code /admin/messages}): the questions with their due dates, and one question with the
 * asker's contact, the answer form (EDITOR), the review with the privacy guard's findings (REVIEWER or APPROVER) and
 * the FAQ choice. Each form is offered only when the message's rule allows it.
 */
@Controller
@RequestMapping("/admin/messages")
class MessageAdminController {

    private final Messages messages;
    private final Catalog catalog;

    MessageAdminController(Messages messages, Catalog catalog) {
        this.messages = messages;
        this.catalog = catalog;
    }

    /** Offers the inbox in the back-office navigation only to those it will not refuse. */
    @ControllerAdvice(annotations = Controller.class)
    static class Navigation {
        @ModelAttribute("mayOpenMessages")
        boolean mayOpenMessages() {
            return Actor.current().map(Messages::mayUseInbox).orElse(false);
        }
    }

    @GetMapping
    String inbox(Model model) {
        model.addAttribute("messages", messages.inbox(Actor.require()));
        return "feedback/message-admin-list";
    }

    @GetMapping("/{id}")
    String one(@PathVariable long id, Model model) {
        return page(model, id, null, null);
    }

    @PostMapping("/{id}/answer")
    String answer(@PathVariable long id, @RequestParam(defaultValue = "") String answer, Model model,
            RedirectAttributes redirect) {
        try {
            messages.answer(id, answer, Actor.require());
        } catch (InvalidInputProblem e) {
            return page(model, id, e, answer);
        }
        redirect.addFlashAttribute("notice", "答复已保存，等待审核。");
        return "redirect:/admin/messages/" + id;
    }

    @PostMapping("/{id}/review")
    String review(@PathVariable long id, @RequestParam(defaultValue = "") String decision,
            @RequestParam(defaultValue = "") String note, Model model, RedirectAttributes redirect) {
        Message m;
        try {
            m = messages.review(id, decision, note, Actor.require());
        } catch (InvalidInputProblem e) {
            return page(model, id, e, null);
        }
        redirect.addFlashAttribute("notice", m.status().label() + (m.published() ? "，已公开发布。" : "。"));
        return "redirect:/admin/messages/" + id;
    }

    @PostMapping("/{id}/faq")
    String faq(@PathVariable long id, @RequestParam(defaultValue = "") String item, Model model,
            RedirectAttributes redirect) {
        try {
            messages.promote(id, item, Actor.require());
        } catch (InvalidInputProblem e) {
            return page(model, id, e, null);
        }
        redirect.addFlashAttribute("notice", item.isBlank() ? "已取消常见问题。" : "已设为常见问题。");
        return "redirect:/admin/messages/" + id;
    }

    private String page(Model model, long id, InvalidInputProblem problem, String typedAnswer) {
        Actor me = Actor.require();
        Message m = messages.message(id, me);
        model.addAttribute("m", m);
        model.addAttribute("findings", messages.findings(m));
        model.addAttribute("mayAnswer", m.whyCannotAnswer(me).isEmpty());
        model.addAttribute("mayReview", m.whyCannotReview(me).isEmpty());
        model.addAttribute("mayPromote", m.whyCannotPromote(me).isEmpty());
        model.addAttribute("answerText", typedAnswer != null ? typedAnswer : m.answer() == null ? "" : m.answer());
        model.addAttribute("decisions", ReviewDecision.values());
        model.addAttribute("items", catalog.items().stream().filter(i -> !i.retired()).toList());
        model.addAttribute("problem", problem == null ? null : problem.report());
        return "feedback/message-admin-one";
    }
}
