package gongkai.reporting.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.reporting.AnnualReportView;
import gongkai.reporting.AnnualReportYear;
import gongkai.reporting.AnnualReports;
import gongkai.shared.NotFoundProblem;

/** The public pages of the annual reports: every body's years, and one published report with its PDF beside it. */
@Controller
class AnnualReportPageController {

    private final AnnualReports reports;
    private final ReportWork work;
    private final Organisations organisations;

    AnnualReportPageController(AnnualReports reports, ReportWork work, Organisations organisations) {
        this.reports = reports;
        this.work = work;
        this.organisations = organisations;
    }

    /** One body's years and the bodies that report, for a resident looking for a report. */
    record BodyYears(Organisation org, List<AnnualReportYear> years) {
    }

    @GetMapping("/annual-reports")
    String index(Model model) {
        List<BodyYears> bodies = new ArrayList<>();
        for (Organisation o : organisations.all()) {
            if (reports.itemOf(o).isPresent()) {
                bodies.add(new BodyYears(o, reports.years(o.code())));
            }
        }
        model.addAttribute("bodies", bodies);
        return "reporting/annual-reports";
    }

    @GetMapping("/annual-reports/{orgCode}")
    String body(@PathVariable String orgCode) {
        organisations.get(orgCode);
        return "redirect:/annual-reports#org-" + orgCode;
    }

    @GetMapping("/annual-reports/{orgCode}/{year:\\d{4}}")
    String report(@PathVariable String orgCode, @PathVariable int year, Model model) {
        AnnualReportView v = published(orgCode, year);
        model.addAttribute("report", v);
        model.addAttribute("blocks", ReportLayout.blocks(v.content()));
        model.addAttribute("demo", work.demo(orgCode, year));
        return "reporting/annual-report";
    }

    @GetMapping("/annual-reports/{orgCode}/{year:\\d{4}}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String orgCode, @PathVariable int year) {
        AnnualReportView v = published(orgCode, year);
        byte[] pdf = reports.pdf(orgCode, year).orElseThrow();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(v.content().title() + ".pdf", java.nio.charset.StandardCharsets.UTF_8).build()
                        .toString())
                .body(pdf);
    }

    private AnnualReportView published(String orgCode, int year) {
        AnnualReportView v = reports.forPublic(orgCode, year);
        if (!v.published()) {
            LocalDate due = v.dueOn();
            throw new NotFoundProblem(v.content().title() + "尚未发布" + (v.late() ? "，已超过发布期限（" + due + "）。"
                    : "，应于" + due + "前发布。"));
        }
        return v;
    }
}
