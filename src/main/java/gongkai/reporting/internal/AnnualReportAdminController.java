package gongkai.reporting.internal;

import java.time.Clock;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.reporting.AnnualReportView;
import gongkai.reporting.AnnualReportYear;
import gongkai.reporting.AnnualReports;
import gongkai.reporting.EnteredFigure;
import gongkai.reporting.ReportEntry;
import gongkai.reporting.ReportSection;
import gongkai.shared.Actor;
import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;

/**
 * The back office's annual reports (后台 → 年度报告): the years of each body the user works for, and the form where a
 * clerk writes the texts, enters the figures from other systems with their source, sees the tables the platform
 * computed, and submits the report to the three-step review. The form and the API share every rule.
 */
@Controller
class AnnualReportAdminController {

    private final AnnualReports reports;
    private final Organisations organisations;
    private final ReportReminders reminders;
    private final Clock clock;

    AnnualReportAdminController(AnnualReports reports, Organisations organisations, ReportReminders reminders,
            Clock clock) {
        this.reports = reports;
        this.organisations = organisations;
        this.reminders = reminders;
        this.clock = clock;
    }

    record BodyYears(Organisation org, List<AnnualReportYear> years, int lastYear,
            List<ReportReminders.Reminder> reminders) {
    }

    @GetMapping("/admin/annual-reports")
    String list(Model model) {
        Actor actor = Actor.require();
        int lastYear = LocalDate.now(clock).getYear() - 1;
        List<BodyYears> bodies = new ArrayList<>();
        for (Organisation o : organisations.all()) {
            if (actor.canActFor(o.code()) && reports.itemOf(o).isPresent()) {
                bodies.add(new BodyYears(o, reports.years(o.code()), lastYear, reminders.latest(o.code())));
            }
        }
        model.addAttribute("bodies", bodies);
        model.addAttribute("lastYear", lastYear);
        return "reporting/admin-annual-reports";
    }

    @GetMapping("/admin/annual-reports/{orgCode}/{year}")
    String form(@PathVariable String orgCode, @PathVariable int year, Model model) {
        return render(model, reports.forStaff(orgCode, year, Actor.require()), null, null);
    }

    @PostMapping("/admin/annual-reports/{orgCode}/{year}")
    String save(@PathVariable String orgCode, @PathVariable int year, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        Actor actor = Actor.require();
        ReportEntry entry = entry(form);
        try {
            reports.save(orgCode, year, entry, actor);
        } catch (InvalidInputProblem | ConflictProblem e) {
            return render(model, reports.forStaff(orgCode, year, actor), problem(e), entry);
        }
        redirect.addFlashAttribute("notice", "已保存。");
        return "redirect:/admin/annual-reports/" + orgCode + "/" + year;
    }

    @PostMapping("/admin/annual-reports/{orgCode}/{year}/submit")
    String submit(@PathVariable String orgCode, @PathVariable int year, Model model, RedirectAttributes redirect) {
        Actor actor = Actor.require();
        String ref;
        try {
            ref = reports.submit(orgCode, year, actor);
        } catch (InvalidInputProblem | ConflictProblem e) {
            return render(model, reports.forStaff(orgCode, year, actor), problem(e), null);
        }
        redirect.addFlashAttribute("notice", "年报已提交审核，审核员审核、分管领导审批后发布。审核进度可在“信息发布”中查看（" + ref + "）。");
        return "redirect:/admin/annual-reports/" + orgCode + "/" + year;
    }

    private String render(Model model, AnnualReportView v, InvalidInputProblem problem, ReportEntry typed) {
        model.addAttribute("report", v);
        model.addAttribute("blocks", ReportLayout.blocks(v.content()));
        model.addAttribute("sections", java.util.Arrays.stream(ReportSection.values())
                .filter(s -> s != ReportSection.ACCOUNTABILITY || v.content().levelReport()).toList());
        model.addAttribute("figures", EnteredFigure.values());
        model.addAttribute("groups", AppealGroup.values());
        model.addAttribute("results", List.of("UPHELD", "CORRECTED", "OTHER", "PENDING"));
        model.addAttribute("resultLabels", List.of("结果维持", "结果纠正", "其他结果", "尚未审结"));
        model.addAttribute("problem", problem);
        Map<String, String> errors = new LinkedHashMap<>();
        if (problem != null) {
            problem.errors().forEach(e -> errors.merge(e.field(), e.message(), (a, b) -> a + " " + b));
        }
        model.addAttribute("errors", errors);
        model.addAttribute("values", values(v, typed));
        model.addAttribute("editable", v.status() == gongkai.reporting.ReportStatus.DRAFT);
        model.addAttribute("yearEnded", LocalDate.now(clock).isAfter(LocalDate.of(v.content().year(), 12, 31)));
        return "reporting/admin-annual-report";
    }

    /** Each field's value by its name: as stored, or as the clerk typed it when it was refused. */
    private static Map<String, String> values(AnnualReportView v, ReportEntry typed) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ReportSection s : ReportSection.values()) {
            out.put("sections." + s.name(), v.content().section(s));
        }
        v.entered().forEach((k, x) -> out.put("figure." + k, x));
        v.sources().forEach((k, x) -> out.put("source." + k, x));
        v.appeals().forEach((g, m) -> m.forEach((r, x) -> out.put("appeal." + g + "." + r, String.valueOf(x))));
        if (typed != null) {
            out.putAll(typed(typed));
        }
        return out;
    }

    /** What the clerk typed, by form field name, to show again beside the errors. */
    private static Map<String, String> typed(ReportEntry e) {
        Map<String, String> out = new LinkedHashMap<>();
        e.sections().forEach((k, v) -> out.put("sections." + k, v));
        e.proactiveEntered().forEach((k, v) -> out.put("figure." + k, v == null ? "" : String.valueOf(v)));
        e.proactiveSources().forEach((k, v) -> out.put("source." + k, v));
        e.appeals().forEach((g, m) -> m.forEach((r, v) -> out.put("appeal." + g + "." + r, v == null ? "" : String.valueOf(v))));
        return out;
    }

    /** The form's fields, named sections.X, figure.X, source.X and appeal.GROUP.RESULT, as the API's entry. */
    static ReportEntry entry(Map<String, String> form) {
        Map<String, String> sections = new LinkedHashMap<>();
        Map<String, Object> figures = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        Map<String, Map<String, Object>> appeals = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("sections.")) {
                sections.put(name.substring(9), value);
            } else if (name.startsWith("figure.")) {
                figures.put(name.substring(7), value);
            } else if (name.startsWith("source.")) {
                sources.put(name.substring(7), value);
            } else if (name.startsWith("appeal.")) {
                String[] parts = name.substring(7).split("\\.", 2);
                if (parts.length == 2) {
                    appeals.computeIfAbsent(parts[0], k -> new LinkedHashMap<>()).put(parts[1], value);
                }
            }
        });
        return new ReportEntry(sections, figures, sources, appeals);
    }

    private static InvalidInputProblem problem(RuntimeException e) {
        return e instanceof InvalidInputProblem p ? p : new InvalidInputProblem("report", e.getMessage());
    }
}
