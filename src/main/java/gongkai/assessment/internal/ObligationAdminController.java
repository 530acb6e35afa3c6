package gongkai.assessment.internal;

import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import gongkai.assessment.ObligationChanges;
import gongkai.assessment.ObligationFlag;
import gongkai.assessment.ObligationInbox;
import gongkai.assessment.Obligations;
import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.TodoSource;
import gongkai.shared.Todos;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.Role;

/**
 * Back office 公开义务: a body's inbox of the daily flags, its obligations with exemptions, the events it records and
 * its 事项清单 with the sub-items it proposes. The city office and auditors choose the body.
 */
@Controller
@RequestMapping("/admin/obligations")
class ObligationAdminController {

    private final Obligations obligations;
    private final ObligationChanges changes;
    private final ObligationInbox inbox;
    private final ItemListings listings;
    private final ResponsibleBodies bodies;
    private final Organisations organisations;
    private final StatusYears years;
    private final Todos todos;

    ObligationAdminController(Obligations obligations, ObligationChanges changes, ObligationInbox inbox,
            ItemListings listings, ResponsibleBodies bodies, Organisations organisations, StatusYears years,
            Todos todos) {
        this.todos = todos;
        this.obligations = obligations;
        this.changes = changes;
        this.inbox = inbox;
        this.listings = listings;
        this.bodies = bodies;
        this.organisations = organisations;
        this.years = years;
    }

    @GetMapping
    String page(@RequestParam(required = false) String org, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) ObligationFlag.Kind flag, Model model) {
        String view = render(model, org, year, null, null);
        if (flag != null) {
            // The dashboard's to-do count (ObligationTodos) leads here: only the reminders of that kind.
            Organisation shown = (Organisation) model.getAttribute("org");
            model.addAttribute("flags", inbox.of(shown.code()).stream().filter(f -> f.kind() == flag).toList());
            model.addAttribute("flagFilter", flag);
        }
        model.addAttribute("todos", todos.of(TodoSource.OBLIGATIONS));
        return view;
    }

    @PostMapping("/exemptions")
    String exempt(@RequestParam String org, @RequestParam String item, @RequestParam(required = false) String period,
            @RequestParam(required = false) Long eventId, @RequestParam(defaultValue = "") String reason, Model model,
            RedirectAttributes redirect) {
        try {
            changes.exempt(new ObligationChanges.NewExemption(org, item, period, eventId, reason), Actor.require());
        } catch (InvalidInputProblem e) {
            return render(model, org, null, e, "exempt");
        }
        redirect.addFlashAttribute("notice", "已免予公开，理由将在公开情况中向公众显示，操作已记入审计日志。");
        return "redirect:/admin/obligations?org=" + org;
    }

    @PostMapping("/exemptions/{id}/revoke")
    String revoke(@PathVariable long id, @RequestParam String org, RedirectAttributes redirect) {
        changes.revokeExemption(id, Actor.require());
        redirect.addFlashAttribute("notice", "已撤销免予公开。");
        return "redirect:/admin/obligations?org=" + org;
    }

    @PostMapping("/events")
    String event(@RequestParam String org, @RequestParam(defaultValue = "") String item,
            @RequestParam(required = false) LocalDate occurredOn, @RequestParam(defaultValue = "") String description,
            Model model, RedirectAttributes redirect) {
        try {
            changes.recordEvent(new ObligationChanges.NewEvent(org, item, occurredOn, description), Actor.require());
        } catch (InvalidInputProblem e) {
            return render(model, org, null, e, "event");
        }
        redirect.addFlashAttribute("notice", "事件已登记，公开时限从事件发生之日起计算。");
        return "redirect:/admin/obligations?org=" + org;
    }

    @PostMapping("/sub-items")
    String propose(@RequestParam String org, @RequestParam(defaultValue = "") String parentItem,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String content, Model model,
            RedirectAttributes redirect) {
        try {
            listings.propose(new ItemListings.NewSubItem(org, parentItem, name, content), Actor.require());
        } catch (InvalidInputProblem e) {
            return render(model, org, null, e, "sub-item");
        }
        redirect.addFlashAttribute("notice", "细化事项已提交市政府办公室审核。");
        return "redirect:/admin/obligations?org=" + org;
    }

    @PostMapping("/sub-items/{id}/decision")
    String decide(@PathVariable long id, @RequestParam boolean approve, @RequestParam(defaultValue = "") String note,
            @RequestParam String org, Model model, RedirectAttributes redirect) {
        try {
            listings.decide(id, approve, note, Actor.require());
        } catch (InvalidInputProblem e) {
            return render(model, org, null, e, "decision");
        }
        redirect.addFlashAttribute("notice", approve ? "细化事项已通过，列入该机构事项清单。" : "细化事项未通过，理由已告知。");
        return "redirect:/admin/obligations?org=" + org;
    }

    private String render(Model model, String orgCode, Integer year, InvalidInputProblem problem, String form) {
        Actor actor = Actor.require();
        boolean seesAll = actor.cityWide() || actor.has(Role.AUDITOR) || changes.supervises(actor);
        String code = orgCode == null || orgCode.isBlank() || !seesAll ? actor.orgCode() : orgCode.strip();
        if (!seesAll && orgCode != null && !orgCode.isBlank() && !orgCode.strip().equals(actor.orgCode())) {
            throw new AccessDeniedProblem("只能查看本机构的公开义务。");
        }
        Organisation org = organisations.get(code);
        int y = years.require(year);
        model.addAttribute("org", org);
        model.addAttribute("year", y);
        // The switcher names the organisation shown even when it answers for no item (the city office itself).
        java.util.List<Organisation> switchable = new java.util.ArrayList<>();
        if (seesAll) {
            switchable.addAll(bodies.all().keySet());
            if (switchable.stream().noneMatch(o -> o.code().equals(org.code()))) {
                switchable.add(0, org);
            }
        }
        model.addAttribute("organisations", switchable);
        model.addAttribute("flags", inbox.of(org.code()));
        model.addAttribute("list", obligations.find(y, org.code(), null));
        model.addAttribute("items", bodies.itemsOf(org));
        model.addAttribute("eventItems", bodies.itemsOf(org).stream()
                .filter(i -> i.schedule().kind() == gongkai.catalog.PublicationSchedule.Kind.EVENT).toList());
        model.addAttribute("mayExempt", changes.mayExempt(actor, org.code()));
        model.addAttribute("mayRecordEvent", changes.mayRecordEvent(actor, org.code()));
        model.addAttribute("mayPropose", listings.mayPropose(actor, org.code()));
        model.addAttribute("mayDecide", listings.mayDecide(actor));
        model.addAttribute("subItems", listings.allOf(org.code()));
        model.addAttribute("awaiting", listings.mayDecide(actor) ? listings.awaitingDecision() : java.util.List.of());
        model.addAttribute("exemptions", changes.exemptionsOf(org.code()));
        model.addAttribute("auditor", actor.has(Role.AUDITOR));
        model.addAttribute("ownOrg", org.code().equals(actor.orgCode()) && actor.has(Role.EDITOR));
        model.addAttribute("problem", problem);
        model.addAttribute("form", form);
        return "assessment/admin-obligations";
    }
}
