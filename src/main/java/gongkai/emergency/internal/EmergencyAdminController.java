package gongkai.emergency.internal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

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

import gongkai.emergency.Emergencies;
import gongkai.emergency.Emergency;
import gongkai.emergency.EmergencyKind;
import gongkai.emergency.EmergencyUpdate;
import gongkai.emergency.NewEmergency;
import gongkai.emergency.NewEmergencyUpdate;
import gongkai.emergency.UpdateKind;
import gongkai.emergency.Warning;
import gongkai.emergency.WarningMessageType;
import gongkai.emergency.Warnings;
import gongkai.org.Organisation;
import gongkai.org.OrganisationKind;
import gongkai.org.Organisations;
import gongkai.region.Region;
import gongkai.region.Regions;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.PlatformConfiguration;

/**
 * The back office of emergencies: declaring one, its timeline with where each update stands in the review, the form
 * that writes an update (submitted to 三审, or published at once when urgent and the fast path allows it), confirmation
 * of urgent updates by a second person, and the end of the response. The service decides who may do what; the page
 * offers only what it will not refuse.
 */
@Controller
@RequestMapping("/admin/emergencies")
class EmergencyAdminController {

    private static final int NEED_ROWS = 6;

    private final Emergencies emergencies;
    private final Warnings warnings;
    private final Regions regions;
    private final Organisations organisations;

    EmergencyAdminController(Emergencies emergencies, Warnings warnings, Regions regions,
            Organisations organisations) {
        this.emergencies = emergencies;
        this.warnings = warnings;
        this.regions = regions;
        this.organisations = organisations;
    }

    @ControllerAdvice(annotations = Controller.class)
    static class Navigation {
        private final Emergencies emergencies;

        Navigation(Emergencies emergencies) {
            this.emergencies = emergencies;
        }

        @ModelAttribute("mayOpenEmergencies")
        boolean mayOpenEmergencies() {
            return Actor.current().map(emergencies::mayOpenDesk).orElse(false);
        }
    }

    @GetMapping
    String list(Model model) {
        Actor actor = requireDesk();
        model.addAttribute("emergencies", emergencies.all().stream()
                .filter(e -> emergencies.mayWorkOn(actor, e) || emergencies.mayDeclare(actor)).toList());
        model.addAttribute("awaiting", emergencies.awaitingConfirmation(actor));
        model.addAttribute("mayDeclare", emergencies.mayDeclare(actor));
        return "emergency/emergency-admin";
    }

    @GetMapping("/new")
    String declareForm(Model model) {
        requireDeclarer();
        String now = LocalDateTime.now(PlatformConfiguration.CHINA).withSecond(0).withNano(0).toString();
        return declareForm(model, new NewEmergency(null, null, null, now, List.of(), List.of(), List.of()), null);
    }

    @PostMapping("/new")
    String declare(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String summary, @RequestParam(defaultValue = "") String occurredAt,
            @RequestParam(required = false) List<String> counties, @RequestParam(defaultValue = "") String townships,
            @RequestParam(required = false) List<String> bodies, @RequestParam(required = false) List<Long> linked,
            Model model, RedirectAttributes redirect) {
        requireDeclarer();
        List<String> areas = new ArrayList<>(counties == null ? List.of() : counties);
        areas.addAll(Arrays.stream(townships.split("[\\s,，、]+")).filter(s -> !s.isBlank()).toList());
        NewEmergency in = new NewEmergency(kind, title, summary, occurredAt, areas, bodies, linked);
        try {
            long id = emergencies.declare(in);
            redirect.addFlashAttribute("notice", "已登记突发事件，事件页面已公开。请尽快发布应急处置动态。");
            return "redirect:/admin/emergencies/" + id;
        } catch (InvalidInputProblem e) {
            return declareForm(model, in, e);
        }
    }

    @GetMapping("/{id}")
    String one(@PathVariable long id, Model model) {
        Actor actor = requireDesk();
        Emergency e = requireWork(actor, emergencies.get(id));
        return page(model, actor, e, blankUpdate(), null);
    }

    @PostMapping("/{id}/updates")
    String post(@PathVariable long id, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Actor actor = requireDesk();
        Emergency e = requireWork(actor, emergencies.get(id));
        Map<String, String> figures = new LinkedHashMap<>();
        for (Emergencies.Figure f : emergencies.figures()) {
            figures.put(f.name(), request.getParameter("figure." + f.name()));
        }
        List<NewEmergencyUpdate.Need> needs = new ArrayList<>();
        String[] items = values(request, "needItem");
        String[] quantities = values(request, "needQuantity");
        String[] units = values(request, "needUnit");
        String[] notes = values(request, "needNote");
        for (int i = 0; i < items.length; i++) {
            needs.add(new NewEmergencyUpdate.Need(items[i], at(quantities, i), at(units, i), at(notes, i)));
        }
        NewEmergencyUpdate in = new NewEmergencyUpdate(param(request, "kind"), param(request, "title"),
                param(request, "text"), param(request, "asOf"), param(request, "period"), figures, needs,
                "on".equals(request.getParameter("urgent")));
        try {
            long update = emergencies.post(id, in);
            EmergencyUpdate u = emergencies.update(id, update);
            redirect.addFlashAttribute("notice", in.urgent()
                    ? "动态已紧急发布（" + u.indexNo() + "），请本机构另一名审批或审核人员复核确认。"
                    : "动态已提交审核，经审核、审批后在事件页面公开。");
            return "redirect:/admin/emergencies/" + id;
        } catch (InvalidInputProblem problem) {
            return page(model, actor, e, in, problem);
        }
    }

    @PostMapping("/{id}/updates/{updateId}/confirm")
    String confirm(@PathVariable long id, @PathVariable long updateId, RedirectAttributes redirect) {
        requireDesk();
        try {
            emergencies.confirm(id, updateId);
            redirect.addFlashAttribute("notice", "已复核确认该紧急动态。");
        } catch (AccessDeniedProblem | ConflictProblem e) {
            redirect.addFlashAttribute("problem", new InvalidInputProblem("confirm", e.getMessage()).report());
        }
        return "redirect:/admin/emergencies/" + id;
    }

    @PostMapping("/{id}/end")
    String end(@PathVariable long id, @RequestParam(defaultValue = "") String statement,
            @RequestParam(required = false) String confirmEnd, RedirectAttributes redirect) {
        requireDesk();
        try {
            if (confirmEnd == null) {
                throw new InvalidInputProblem("confirmEnd", "请勾选“确认结束应急响应”。结束后只能发布受灾情况核定和恢复重建进展。");
            }
            emergencies.end(id, statement);
            redirect.addFlashAttribute("notice", "已宣布应急响应结束。");
        } catch (InvalidInputProblem e) {
            redirect.addFlashAttribute("problem", e.report());
        } catch (AccessDeniedProblem | ConflictProblem e) {
            redirect.addFlashAttribute("problem", new InvalidInputProblem("statement", e.getMessage()).report());
        }
        return "redirect:/admin/emergencies/" + id;
    }

    private String page(Model model, Actor actor, Emergency e, NewEmergencyUpdate form, InvalidInputProblem problem) {
        List<EmergencyUpdate> timeline = emergencies.timeline(e.id(), true);
        Map<Long, Boolean> mayConfirm = new LinkedHashMap<>();
        timeline.forEach(u -> mayConfirm.put(u.id(), emergencies.mayConfirm(actor, u)));
        List<NewEmergencyUpdate.Need> needs = new ArrayList<>(form.needs());
        while (needs.size() < NEED_ROWS) {
            needs.add(new NewEmergencyUpdate.Need("", "", "", ""));
        }
        model.addAttribute("emergency", e);
        model.addAttribute("timeline", timeline);
        model.addAttribute("mayConfirm", mayConfirm);
        model.addAttribute("mayPost", emergencies.mayPost(actor, e) || emergencies.mayPostUrgently(actor, e));
        model.addAttribute("mayPostUrgently", emergencies.mayPostUrgently(actor, e));
        model.addAttribute("mayEnd", emergencies.mayEnd(actor, e));
        model.addAttribute("kinds", Arrays.asList(UpdateKind.values()));
        model.addAttribute("figureList", emergencies.figures());
        model.addAttribute("form", form);
        model.addAttribute("needRows", needs);
        // The figures and needs parts stay folded unless this kind uses them or they hold input or a problem.
        Map<String, String> errors = errors(problem);
        model.addAttribute("figuresOpen", "DAMAGE".equals(form.kind()) || errors.containsKey("figures")
                || form.figures().values().stream().anyMatch(v -> v != null && !v.isBlank()));
        model.addAttribute("needsOpen", "NEEDS".equals(form.kind()) || errors.containsKey("needs")
                || form.needs().stream().anyMatch(n -> n.item() != null && !n.item().isBlank()));
        model.addAttribute("problem", problem == null ? null : problem.report());
        model.addAttribute("errors", errors);
        return "emergency/emergency-admin-one";
    }

    private String declareForm(Model model, NewEmergency in, InvalidInputProblem problem) {
        List<Region> choices = new ArrayList<>();
        regions.all().stream().filter(r -> r.parentCode() == null).forEach(choices::add);
        choices.addAll(regions.countyLevel());
        List<String> listed = choices.stream().map(Region::code).toList();
        List<Organisation> bodies = organisations.all().stream()
                .filter(o -> o.kind() != OrganisationKind.ENTERPRISE && !o.isInstitution()).toList();
        List<Warning> recent = warnings.messages(0, 100).stream()
                .filter(w -> w.msgType() == WarningMessageType.ALERT).toList();
        model.addAttribute("form", in);
        model.addAttribute("kinds", Arrays.asList(EmergencyKind.values()));
        model.addAttribute("counties", choices);
        model.addAttribute("townships", String.join(" ", in.areas().stream().filter(a -> !listed.contains(a))
                .toList()));
        model.addAttribute("bodies", bodies);
        model.addAttribute("recentWarnings", recent);
        model.addAttribute("problem", problem == null ? null : problem.report());
        model.addAttribute("errors", errors(problem));
        return "emergency/emergency-admin-declare";
    }

    private static NewEmergencyUpdate blankUpdate() {
        String now = LocalDateTime.now(PlatformConfiguration.CHINA).withSecond(0).withNano(0).toString();
        return new NewEmergencyUpdate(null, null, null, now, null, Map.of(), List.of(), false);
    }

    private static Map<String, String> errors(InvalidInputProblem problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (problem != null) {
            problem.errors().forEach(e -> errors.merge(e.field(), e.message(), (a, b) -> a + " " + b));
        }
        return errors;
    }

    private static String[] values(HttpServletRequest request, String name) {
        String[] v = request.getParameterValues(name);
        return v == null ? new String[0] : v;
    }

    private static String at(String[] values, int i) {
        return i < values.length ? values[i] : null;
    }

    private static String param(HttpServletRequest request, String name) {
        return request.getParameter(name);
    }

    private Actor requireDesk() {
        Actor actor = Actor.require();
        if (!emergencies.mayOpenDesk(actor)) {
            throw new AccessDeniedProblem("只有应急响应机构和负责事件信息发布的机构的工作人员可以办理突发事件。");
        }
        return actor;
    }

    /** The staff timeline shows drafts in review: only to the emergency's bodies, the city office and declarers. */
    private Emergency requireWork(Actor actor, Emergency e) {
        if (!emergencies.mayWorkOn(actor, e) && !emergencies.mayDeclare(actor)) {
            throw new AccessDeniedProblem("您所在的机构不负责该突发事件的信息发布。");
        }
        return e;
    }

    private void requireDeclarer() {
        Actor actor = Actor.require();
        if (!emergencies.mayDeclare(actor)) {
            throw new AccessDeniedProblem("只有应急响应机构的审批人员或市政府办公室管理员可以登记突发事件。");
        }
    }
}
