package gongkai.reporting.internal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import gongkai.reporting.AnnualReports;
import gongkai.reporting.ReportEntry;
import gongkai.shared.Actor;

/**
 * The annual report's API (API.md): read by anyone; written and submitted by an EDITOR of the body, with the same
 * rules as the back-office form.
 */
@RestController
class AnnualReportApiController {

    private final AnnualReports reports;

    AnnualReportApiController(AnnualReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/annual-reports/{orgCode}/{year}")
    AnnualReportAnswer report(@PathVariable String orgCode, @PathVariable int year) {
        return AnnualReportAnswer.of(reports.forPublic(orgCode, year));
    }

    @PutMapping("/api/v1/annual-reports/{orgCode}/{year}")
    AnnualReportAnswer save(@PathVariable String orgCode, @PathVariable int year, @RequestBody ReportEntry entry) {
        return AnnualReportAnswer.of(reports.save(orgCode, year, entry, Actor.require()));
    }

    /** The answer to a submission: the draft key of the record now in review (API.md calls it indexNo). */
    record Submitted(String indexNo) {
    }

    @PostMapping("/api/v1/annual-reports/{orgCode}/{year}/submit")
    Submitted submit(@PathVariable String orgCode, @PathVariable int year) {
        return new Submitted(reports.submit(orgCode, year, Actor.require()));
    }
}
