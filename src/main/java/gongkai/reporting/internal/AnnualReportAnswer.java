package gongkai.reporting.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

import gongkai.reporting.AnnualReportContent;
import gongkai.reporting.AnnualReportView;
import gongkai.reporting.ReportTable;

/**
 * {@code GET /api/v1/annual-reports/{orgCode}/{year}} (API.md): {@code sections}, {@code proactive} (table 二),
 * {@code requests} (table 三), {@code appeals} (table 四), with the fees, the assessment of a level report, and where
 * the report stands. Until it is published the tables are computed today ({@code provisional}) and the sections empty.
 *
 * @param missing for staff (the PUT answer): what must still be written or entered before submission
 */
public record AnnualReportAnswer(Org org, int year, String title, boolean levelReport, List<String> covers,
        String status, boolean published, boolean provisional, LocalDate asOf, LocalDate dueOn, boolean late,
        @JsonInclude(Include.NON_NULL) String indexNo, @JsonInclude(Include.NON_NULL) Instant publishedAt,
        @JsonInclude(Include.NON_NULL) String url, @JsonInclude(Include.NON_NULL) String pdf,
        Map<String, String> sections, ReportTable proactive, ReportTable requests, ReportTable appeals,
        AnnualReportContent.Fees fees, @JsonInclude(Include.NON_NULL) AnnualReportContent.Assessment assessment,
        @JsonInclude(Include.NON_EMPTY) List<String> missing) {

    public record Org(String code, String name) {
    }

    static AnnualReportAnswer of(AnnualReportView v) {
        AnnualReportContent c = v.content();
        return new AnnualReportAnswer(new Org(c.org(), c.orgName()), c.year(), c.title(), c.levelReport(), c.covers(),
                v.status().name(), v.published(), v.provisional(), c.asOf(), v.dueOn(), v.late(), v.indexNo(),
                v.publishedAt(), v.published() ? v.url() : null, v.published() ? v.url() + ".pdf" : null,
                c.sections(), c.proactive(), c.requests(), c.appeals(), c.fees(), c.assessment(), v.missing());
    }
}
