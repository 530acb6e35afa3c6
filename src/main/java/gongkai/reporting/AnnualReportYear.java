package gongkai.reporting;

import java.time.LocalDate;

/**
 * One year of a body's annual reports as its 政府信息公开 column lists them.
 *
 * @param late        published after the due date, or not published and past it
 * @param publishedOn null while unpublished
 * @param url         the report's public page, or null while unpublished
 */
public record AnnualReportYear(int year, String title, boolean published, boolean late, LocalDate dueOn,
        LocalDate publishedOn, String url) {

    /** Past its due date and still not published. */
    public boolean missing() {
        return !published && late;
    }
}
