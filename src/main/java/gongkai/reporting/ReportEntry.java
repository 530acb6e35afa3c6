package gongkai.reporting;

import java.util.Map;

/**
 * What staff write or enter for a report: the body of {@code PUT /api/v1/annual-reports/{org}/{year}} (API.md) and
 * of the back-office form. Every part is optional on saving; submission asks for what the report cannot go without.
 *
 * @param sections          text by {@link ReportSection} name
 * @param proactiveEntered  by {@link EnteredFigure} name: a count of decisions, or for FEES 万元 as a decimal string
 * @param proactiveSources  by {@link EnteredFigure} name: where the figure comes from (e.g. 市行政审批局审批系统统计)
 * @param appeals           cases not registered against a request on the platform, by group (REVIEW,
 *                          LITIGATION_DIRECT, LITIGATION_AFTER_REVIEW) and result (UPHELD, CORRECTED, OTHER, PENDING,
 *                          TOTAL — TOTAL, when given, must be the sum)
 */
public record ReportEntry(Map<String, String> sections, Map<String, Object> proactiveEntered,
        Map<String, String> proactiveSources, Map<String, Map<String, Object>> appeals) {

    public ReportEntry {
        sections = sections == null ? Map.of() : sections;
        proactiveEntered = proactiveEntered == null ? Map.of() : proactiveEntered;
        proactiveSources = proactiveSources == null ? Map.of() : proactiveSources;
        appeals = appeals == null ? Map.of() : appeals;
    }
}
