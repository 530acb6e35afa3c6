package gongkai.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A report as a page or the API shows it: its content (published and frozen, or computed today while unpublished),
 * where it stands and when it is due.
 *
 * @param provisional  computed today rather than frozen; for an unpublished report the public sees the tables only
 * @param missing      what staff must still write or enter before it can go to review
 * @param entered      the figures entered, by {@link EnteredFigure} name, as typed (for the form); empty for the public
 * @param sources      their sources, by {@link EnteredFigure} name; empty for the public
 * @param appeals      the cases entered by hand, group → result → count; empty for the public
 * @param recordRef    the record under review or published; null before submission
 */
public record AnnualReportView(AnnualReportContent content, ReportStatus status, String indexNo, Instant publishedAt,
        LocalDate dueOn, boolean late, boolean provisional, List<String> missing, Map<String, String> entered,
        Map<String, String> sources, Map<String, Map<String, Integer>> appeals, String recordRef) {

    public AnnualReportView {
        missing = List.copyOf(missing);
        entered = Map.copyOf(entered);
        sources = Map.copyOf(sources);
    }

    public boolean published() {
        return status == ReportStatus.PUBLISHED;
    }

    /** The public page of a published report. */
    public String url() {
        return "/annual-reports/" + content.org() + "/" + content.year();
    }
}
