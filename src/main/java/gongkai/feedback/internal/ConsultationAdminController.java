package gongkai.feedback.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import gongkai.feedback.Consultation;
import gongkai.feedback.ConsultationComment;
import gongkai.feedback.ConsultationDecision;
import gongkai.feedback.Consultations;
import gongkai.feedback.FeedbackReport;
import gongkai.feedback.NewConsultation;
import gongkai.shared.Actor;
import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;

/**
 * The back office's 意见征集: the body's consultations and a form to open one (APPROVER), and one consultation's
 * comments to moderate, its feedback report (one decision per comment here; the API takes groups) and its final
 * policy's index number.
 */
@Controller
@RequestMapping("/admin/consultations")
class ConsultationAdminController {

    private final Consultations consultations;

    ConsultationAdminController(Consultations consultations) {
        this.consultations = consultations;
    }

    @GetMapping
    String list(Model model) {
        return list(model, new NewConsultation("", "", null, null, null), null);
    }

    @PostMapping
    String open(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String draft,
            @RequestParam(required = false) LocalDate opensOn, @RequestParam(required = false) LocalDate closesOn,
            Model model, RedirectAttributes redirect) {
        Actor actor = Actor.require();
        NewConsultation in = new NewConsultation(title, draft, opensOn, closesOn, actor.orgCode());
        try {
            long id = consultations.open(in, actor);
            redirect.addFlashAttribute("notice", "意见征集已发起。");
            return "redirect:/admin/consultations/" + id;
        } catch (InvalidInputProblem e) {
            return list(model, in, e);
        }
    }

    private String list(Model model, NewConsultation form, InvalidInputProblem problem) {
        Actor actor = Actor.require();
        model.addAttribute("consultations", consultations.forStaff(actor));
        model.addAttribute("mayOpenConsultation", actor.orgCode() != null
                && Consultations.whyCannotManage(actor, actor.orgCode()).isEmpty());
        model.addAttribute("form", form);
        model.addAttribute("problem", problem == null ? null : problem.report());
        return "feedback/consultation-admin-list";
    }

    @GetMapping("/{id}")
    String one(@PathVariable long id, Model model) {
        return one(id, model, null);
    }

    @PostMapping("/{id}/comments/{commentId}")
    String moderate(@PathVariable long id, @PathVariable long commentId, @RequestParam boolean show,
            RedirectAttributes redirect) {
        consultations.moderate(commentId, show, Actor.require());
        redirect.addFlashAttribute("notice", show ? "意见" + commentId + "已公开。" : "意见" + commentId + "审核未通过，不予公开。");
        return "redirect:/admin/consultations/" + id;
    }

    @PostMapping("/{id}/report")
    String report(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        Actor actor = Actor.require();
        List<FeedbackReport.Group> groups = new ArrayList<>();
        for (ConsultationComment c : consultations.comments(id, actor)) {
            if (form.containsKey("decision-" + c.id())) {
                groups.add(new FeedbackReport.Group(List.of(c.id()), form.get("decision-" + c.id()),
                        form.get("reason-" + c.id())));
            }
        }
        try {
            consultations.publishReport(id, new FeedbackReport(form.get("summary"), groups), actor);
        } catch (InvalidInputProblem | ConflictProblem e) {
            return one(id, model, e instanceof InvalidInputProblem p ? p
                    : new InvalidInputProblem("report", e.getMessage()));
        }
        redirect.addFlashAttribute("notice", "采纳情况已发布。");
        return "redirect:/admin/consultations/" + id;
    }

    @PostMapping("/{id}/final-record")
    String finalRecord(@PathVariable long id, @RequestParam(defaultValue = "") String indexNo, Model model,
            RedirectAttributes redirect) {
        try {
            consultations.attachFinalRecord(id, indexNo, Actor.require());
        } catch (InvalidInputProblem | ConflictProblem e) {
            return one(id, model, e instanceof InvalidInputProblem p ? p
                    : new InvalidInputProblem("indexNo", e.getMessage()));
        }
        redirect.addFlashAttribute("notice", "已关联正式文件。");
        return "redirect:/admin/consultations/" + id;
    }

    private String one(long id, Model model, InvalidInputProblem problem) {
        Actor actor = Actor.require();
        List<ConsultationComment> comments = consultations.comments(id, actor);
        Consultation c = consultations.consultation(id);
        Map<String, String> errors = new LinkedHashMap<>();
        if (problem != null) {
            problem.errors().forEach(f -> errors.merge(f.field(), f.message(), (a, b) -> a + "；" + b));
        }
        model.addAttribute("c", c);
        model.addAttribute("comments", comments);
        model.addAttribute("decisions", ConsultationDecision.values());
        model.addAttribute("mayManage", Consultations.whyCannotManage(actor, c.org()).isEmpty());
        model.addAttribute("problem", problem == null ? null : problem.report());
        model.addAttribute("errors", errors);
        return "feedback/consultation-admin";
    }
}
