package gongkai.emergency.internal;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

import gongkai.emergency.NewWarning;
import gongkai.emergency.Warning;
import gongkai.emergency.WarningLevel;
import gongkai.emergency.Warnings;
import gongkai.region.Regions;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.TodoSource;
import gongkai.shared.Todos;
import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.PlatformConfiguration;

/**
 * Back office of the warnings for the warning bodies: the latest messages with those not yet confirmed flagged, the
 * form that publishes a warning or an update (times in China time), confirmation by a second person and 解除.
 */
@Controller
@RequestMapping("/admin/warnings")
class WarningAdminController {

    private final Warnings warnings;
    private final Regions regions;
    private final Todos todos;

    WarningAdminController(Warnings warnings, Regions regions, Todos todos) {
        this.todos = todos;
        this.warnings = warnings;
        this.regions = regions;
    }

    /** The navigation offers the desk only to those it will not refuse. */
    @ControllerAdvice(annotations = Controller.class)
    static class Navigation {
        private final Warnings warnings;

        Navigation(Warnings warnings) {
            this.warnings = warnings;
        }

        @ModelAttribute("mayOpenWarnings")
        boolean mayOpenWarnings() {
            return Actor.current().map(warnings::mayOpenDesk).orElse(false);
        }
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "false") boolean toConfirm, Model model) {
        Actor actor = requireDesk();
        // toConfirm: exactly the to-do the dashboard counts (WarningTodos), the warnings this person may confirm.
        List<Warning> latest = toConfirm ? WarningTodos.toConfirm(warnings, actor) : warnings.messages(0, 50);
        Map<Long, Boolean> mayConfirm = new LinkedHashMap<>();
        Map<Long, Boolean> mayChange = new LinkedHashMap<>();
        for (Warning w : latest) {
            mayConfirm.put(w.id(), warnings.mayConfirm(actor, w));
            mayChange.put(w.id(), warnings.mayChange(actor, w));
        }
        model.addAttribute("warnings", latest);
        model.addAttribute("mayConfirm", mayConfirm);
        model.addAttribute("mayChange", mayChange);
        model.addAttribute("mayIssue", warnings.mayIssue(actor));
        model.addAttribute("unconfirmed", warnings.unconfirmed().size());
        model.addAttribute("toConfirm", toConfirm);
        model.addAttribute("todos", todos.of(TodoSource.WARNINGS));
        return "emergency/warning-admin";
    }

    @GetMapping("/new")
    String newWarning(Model model) {
        requireIssuer();
        String now = LocalDateTime.now(PlatformConfiguration.CHINA).withSecond(0).withNano(0).toString();
        return form(model, null, new NewWarning(null, null, List.of(), null, null, null, now, null), null);
    }

    @GetMapping("/{id}/update")
    String updateForm(@PathVariable long id, Model model) {
        requireIssuer();
        Warning w = warnings.get(id);
        return form(model, w, new NewWarning(w.hazard(), w.level().name(), w.areas().stream().map(Warning.Area::code)
                .toList(), w.headline(), w.description(), w.instruction(), local(w.onset()), local(w.expires())),
                null);
    }

    @PostMapping({"/new", "/{id}/update"})
    String publish(@PathVariable(required = false) Long id, @RequestParam(defaultValue = "") String hazard,
            @RequestParam(defaultValue = "") String level, @RequestParam(required = false) List<String> counties,
            @RequestParam(defaultValue = "") String townships, @RequestParam(defaultValue = "") String headline,
            @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String instruction,
            @RequestParam(defaultValue = "") String onset, @RequestParam(defaultValue = "") String expires,
            Model model, RedirectAttributes redirect) {
        requireIssuer();
        List<String> areas = new java.util.ArrayList<>(counties == null ? List.of() : counties);
        areas.addAll(Arrays.stream(townships.split("[\\s,，、]+")).filter(s -> !s.isBlank()).toList());
        NewWarning in = new NewWarning(hazard, level, areas, headline, description, instruction, onset, expires);
        long published;
        try {
            published = id == null ? warnings.issue(in) : warnings.update(id, in);
        } catch (InvalidInputProblem e) {
            return form(model, id == null ? null : warnings.get(id), in, e);
        }
        redirect.addFlashAttribute("notice", "预警已发布（第" + published + "号），请另一名审批或审核人员复核确认。");
        return "redirect:/admin/warnings";
    }

    @PostMapping("/{id}/confirm")
    String confirm(@PathVariable long id, RedirectAttributes redirect) {
        requireDesk();
        try {
            warnings.confirm(id);
            redirect.addFlashAttribute("notice", "已复核确认第" + id + "号预警。");
        } catch (AccessDeniedProblem | ConflictProblem e) {
            redirect.addFlashAttribute("problem", new InvalidInputProblem("confirm", e.getMessage()).report());
        }
        return "redirect:/admin/warnings";
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        requireIssuer();
        try {
            long cancel = warnings.cancel(id, reason);
            redirect.addFlashAttribute("notice", "已解除预警（第" + cancel + "号）。");
        } catch (InvalidInputProblem e) {
            redirect.addFlashAttribute("problem", e.report());
        } catch (ConflictProblem e) {
            redirect.addFlashAttribute("problem", new InvalidInputProblem("reason", e.getMessage()).report());
        }
        return "redirect:/admin/warnings";
    }

    private String form(Model model, Warning target, NewWarning in, InvalidInputProblem problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (problem != null) {
            problem.errors().forEach(e -> errors.merge(e.field(), e.message(), (a, b) -> a + " " + b));
        }
        List<gongkai.region.Region> choices = new java.util.ArrayList<>();
        regions.all().stream().filter(r -> r.parentCode() == null).forEach(choices::add);
        choices.addAll(regions.countyLevel());
        List<String> listed = choices.stream().map(r -> r.code()).toList();
        model.addAttribute("target", target);
        model.addAttribute("form", in);
        model.addAttribute("problem", problem == null ? null : problem.report());
        model.addAttribute("errors", errors);
        model.addAttribute("hazards", warnings.hazards());
        model.addAttribute("levels", Arrays.asList(WarningLevel.values()));
        model.addAttribute("counties", choices);
        model.addAttribute("townships", String.join(" ", in.areas().stream().filter(a -> !listed.contains(a))
                .toList()));
        return "emergency/warning-admin-form";
    }

    private static String local(java.time.Instant instant) {
        return LocalDateTime.ofInstant(instant, PlatformConfiguration.CHINA).toString();
    }

    private Actor requireDesk() {
        Actor actor = Actor.require();
        if (!warnings.mayOpenDesk(actor)) {
            throw new AccessDeniedProblem("只有应急响应机构的审批或审核人员可以办理预警。");
        }
        return actor;
    }

    private void requireIssuer() {
        Actor actor = Actor.require();
        if (!warnings.mayIssue(actor)) {
            throw new AccessDeniedProblem("只有应急响应机构的审批人员可以发布、更新或解除预警。");
        }
    }
}
