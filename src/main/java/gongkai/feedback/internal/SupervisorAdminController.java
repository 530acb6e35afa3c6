package gongkai.feedback.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import gongkai.assessment.CheckScope;
import gongkai.assessment.FindingDetail;
import gongkai.assessment.Supervision;
import gongkai.feedback.NewSupervisor;
import gongkai.feedback.Supervisor;
import gongkai.feedback.SupervisorReport;
import gongkai.feedback.SupervisorTermStatus;
import gongkai.feedback.Supervisors;
import gongkai.org.Organisations;
import gongkai.region.Regions;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.BackOfficeStep;
import gongkai.shared.InvalidInputProblem;

/**
 * Back office of social supervisors. For the city office's ADMIN ({@code /admin/supervisors}): the supervisors with
 * their phones, the appointment form (the initial password shown once) and ending a term early. For a supervisor
 * ({@code /admin/supervisor}): their term, the form to file a finding, their findings and each one's answer.
 */
@Controller
class SupervisorAdminController {

    private final Supervisors supervisors;
    private final Supervision supervision;
    private final Regions regions;
    private final Organisations organisations;

    SupervisorAdminController(Supervisors supervisors, Supervision supervision, Regions regions,
            Organisations organisations) {
        this.supervisors = supervisors;
        this.supervision = supervision;
        this.regions = regions;
        this.organisations = organisations;
    }

    // ----- the city office

    @GetMapping("/admin/supervisors")
    String list(Model model) {
        model.addAttribute("supervisors", supervisors.all(Actor.require()));
        model.addAttribute("regions", regions.all());
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", new NewSupervisor(null, null, null, null, null));
        }
        return "feedback/supervisors-admin";
    }

    @PostMapping("/admin/supervisors")
    String appoint(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "") String regionCode,
            @RequestParam(defaultValue = "") String termStartsOn,
            @RequestParam(defaultValue = "") String termEndsOn, Model model, RedirectAttributes redirect) {
        NewSupervisor in = null;
        try {
            in = new NewSupervisor(name, phone, regionCode, date("termStartsOn", termStartsOn),
                    date("termEndsOn", termEndsOn));
            redirect.addFlashAttribute("appointed", supervisors.appoint(in, Actor.require()));
        } catch (InvalidInputProblem e) {
            model.addAttribute("problem", e.report());
            model.addAttribute("values", in != null ? in : new NewSupervisor(name, phone, regionCode, null, null));
            return list(model);
        }
        return "redirect:/admin/supervisors";
    }

    @PostMapping("/admin/supervisors/{id}/end")
    String endTerm(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        return BackOfficeStep.run("/admin/supervisors", redirect,
                () -> supervisors.endTerm(id, reason, Actor.require()), "已提前结束该社会监督员的任期。");
    }

    // ----- the supervisor

    @GetMapping("/admin/supervisor")
    String own(Model model) {
        Actor me = Actor.require();
        Supervisor self = supervisors.own(me);
        model.addAttribute("self", self);
        model.addAttribute("mayFile", self.status() == SupervisorTermStatus.SERVING);
        model.addAttribute("findings", supervision.filedBy(me));
        model.addAttribute("organisations", organisations.all().stream()
                .filter(o -> o.kind() != gongkai.org.OrganisationKind.ENTERPRISE).toList());
        model.addAttribute("regions", regions.all());
        model.addAttribute("scopes", CheckScope.values());
        model.addAttribute("rectificationDays", Supervisors.RECTIFICATION_WORKING_DAYS);
        if (!model.containsAttribute("report")) {
            model.addAttribute("report", new SupervisorReport(null, null, self.regionCode(), null, null, "CONTENT"));
        }
        return "feedback/supervisor-own";
    }

    @PostMapping("/admin/supervisor/findings")
    String file(@RequestParam(defaultValue = "") String org, @RequestParam(defaultValue = "") String saw,
            @RequestParam(defaultValue = "") String regionCode, @RequestParam(defaultValue = "") String record,
            @RequestParam(defaultValue = "") String pageUrl, @RequestParam(defaultValue = "") String scope,
            Model model, RedirectAttributes redirect) {
        SupervisorReport report = new SupervisorReport(org, saw, regionCode, record, pageUrl, scope);
        long id;
        try {
            id = supervisors.file(report, Actor.require());
        } catch (InvalidInputProblem e) {
            model.addAttribute("problem", e.report());
            model.addAttribute("report", report);
            return own(model);
        } catch (AccessDeniedProblem e) {
            model.addAttribute("problem", new InvalidInputProblem("term", e.getMessage()).report());
            model.addAttribute("report", report);
            return own(model);
        }
        redirect.addFlashAttribute("notice", "监督发现已提交（编号" + id + "），已转交被监督机构整改。");
        return "redirect:/admin/supervisor/findings/" + id;
    }

    @GetMapping("/admin/supervisor/findings/{id}")
    String finding(@PathVariable long id, Model model) {
        FindingDetail detail = supervision.finding(id, Actor.require());
        model.addAttribute("f", detail.finding());
        model.addAttribute("history", detail.history());
        return "feedback/supervisor-finding";
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputProblem(field, "日期“" + text.strip() + "”无效，应写作 2026-01-31 这样的形式。");
        }
    }
}
