package gongkai.feedback.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import gongkai.feedback.ComplaintCategory;
import gongkai.feedback.ComplaintReceipt;
import gongkai.feedback.ComplaintView;
import gongkai.feedback.Complaints;
import gongkai.feedback.NewComplaint;
import gongkai.org.Organisations;
import gongkai.shared.Actor;
import gongkai.shared.TodoSource;
import gongkai.shared.Todos;
import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.PlatformConfiguration;

/**
 * The complaints desk of the back office: the inbox ({@code /admin/complaints}), one complaint with its transfer and
 * answer forms, and the entry of letters and calls.
 */
@Controller
@RequestMapping("/admin/complaints")
class ComplaintAdminController {

    private final Complaints complaints;
    private final Organisations organisations;
    private final Clock clock;
    private final Todos todos;

    ComplaintAdminController(Complaints complaints, Organisations organisations, Clock clock, Todos todos) {
        this.todos = todos;
        this.complaints = complaints;
        this.organisations = organisations;
        this.clock = clock;
    }

    @GetMapping
    String inbox(@RequestParam(required = false) String org, @RequestParam(required = false) String status,
            Model model) {
        model.addAttribute("lines", complaints.inbox(Actor.require(), org, status));
        model.addAttribute("status", status);
        model.addAttribute("todos", todos.of(TodoSource.COMPLAINTS));
        return "feedback/complaint-admin";
    }

    @GetMapping("/new")
    String entryForm(Model model) {
        return entry(model, new NewComplaint("", "", "", "", "", "", false), "LETTER", today(), null);
    }

    @PostMapping("/new")
    String enter(@RequestParam(defaultValue = "") String org, @RequestParam(defaultValue = "") String category,
            @RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "false") boolean anonymous, @RequestParam(defaultValue = "") String channel,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
            Model model, RedirectAttributes redirect) {
        NewComplaint in = new NewComplaint(org, category, subject, description, name, phone, anonymous);
        try {
            ComplaintReceipt r = complaints.enter(in, channel, receivedOn, Actor.require());
            redirect.addFlashAttribute("notice", "已登记，投诉编号" + r.trackingNo() + "，查询码" + r.code()
                    + "（请告知投诉人，只显示这一次），答复期限" + r.dueOn() + "。");
            return "redirect:/admin/complaints/" + r.trackingNo();
        } catch (InvalidInputProblem e) {
            return entry(model, in, channel, receivedOn, e);
        }
    }

    private String entry(Model model, NewComplaint in, String channel, LocalDate receivedOn, InvalidInputProblem e) {
        model.addAttribute("input", in);
        model.addAttribute("channel", channel);
        model.addAttribute("receivedOn", receivedOn);
        model.addAttribute("categories", ComplaintCategory.values());
        model.addAttribute("orgs", organisations.all());
        model.addAttribute("problem", e == null ? null : e.report());
        model.addAttribute("errors", ComplaintPageController.byField(e));
        return "feedback/complaint-admin-entry";
    }

    @GetMapping("/{trackingNo}")
    String one(@PathVariable String trackingNo, Model model) {
        return page(model, complaints.read(trackingNo, Actor.require()), null);
    }

    @PostMapping("/{trackingNo}/transfer")
    String transfer(@PathVariable String trackingNo, @RequestParam(defaultValue = "") String org,
            @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
        try {
            ComplaintView c = complaints.transfer(trackingNo, org, reason, Actor.require());
            redirect.addFlashAttribute("notice", "已转" + c.orgName() + "办理。");
            return "redirect:/admin/complaints";
        } catch (InvalidInputProblem e) {
            return page(model, complaints.read(trackingNo, Actor.require()), e);
        } catch (ConflictProblem e) {
            return page(model, complaints.read(trackingNo, Actor.require()), new InvalidInputProblem("org",
                    e.getMessage()));
        }
    }

    @PostMapping("/{trackingNo}/reply")
    String reply(@PathVariable String trackingNo, @RequestParam(defaultValue = "") String text,
            @RequestParam(required = false) Boolean substantiated, Model model, RedirectAttributes redirect) {
        try {
            complaints.reply(trackingNo, text, substantiated, Actor.require());
            redirect.addFlashAttribute("notice", "已答复。");
            return "redirect:/admin/complaints/" + trackingNo;
        } catch (InvalidInputProblem e) {
            return page(model, complaints.read(trackingNo, Actor.require()), e);
        } catch (ConflictProblem e) {
            return page(model, complaints.read(trackingNo, Actor.require()), new InvalidInputProblem("text",
                    e.getMessage()));
        }
    }

    private String page(Model model, ComplaintView c, InvalidInputProblem e) {
        model.addAttribute("c", c);
        model.addAttribute("mayTransfer", c.actions().contains(Complaints.TRANSFER));
        model.addAttribute("mayReply", c.actions().contains(Complaints.REPLY));
        model.addAttribute("orgs", organisations.all());
        model.addAttribute("problem", e == null ? null : e.report());
        model.addAttribute("errors", ComplaintPageController.byField(e));
        return "feedback/complaint-admin-one";
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformConfiguration.CHINA));
    }
}
