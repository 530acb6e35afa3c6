package gongkai.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A report's content as the public reads it: the texts, the three tables of the national format, the fees and, for a
 * government's level report, the assessment. Computed afresh while the report is a draft; frozen as JSON when it is
 * submitted and again when it is published.
 *
 * @param covers      the bodies whose figures it sums: the body itself, or a government's office and departments
 * @param sections    by {@link ReportSection} name
 * @param proactive   table 二 (rows REGULATION, NORMATIVE, then the {@link EnteredFigure}s)
 * @param requests    table 三 (rows as {@code gongkai.requests.AnnualRequestTable})
 * @param appeals     table 四 (rows REVIEW, LITIGATION_DIRECT, LITIGATION_AFTER_REVIEW; columns UPHELD … TOTAL)
 * @param assessment  null for a body's own report
 * @param asOf        the day the figures were taken
 */
public record AnnualReportContent(String org, String orgName, String title, int year, boolean levelReport,
        List<String> covers, Map<String, String> sections, ReportTable proactive, ReportTable requests,
        ReportTable appeals, Fees fees, Assessment assessment, LocalDate asOf) {

    public AnnualReportContent {
        covers = List.copyOf(covers);
        sections = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sections));
    }

    /** 信息处理费 charged under 国办函〔2020〕109号, from the requests. */
    public record Fees(int requestsCharged, BigDecimal collectedYuan) {
    }

    /**
     * 工作考核 taken from the platform's published assessment.
     *
     * @param published whether the year's assessment has been published
     * @param summary   one sentence for the report
     * @param lines     one line per body assessed (a city's report) or the body's own line (a county's)
     * @param link      the public page of the assessment
     */
    public record Assessment(boolean published, String summary, List<String> lines, String link) {
        public Assessment {
            lines = List.copyOf(lines);
        }
    }

    public String section(ReportSection s) {
        return sections.getOrDefault(s.name(), "");
    }
}
