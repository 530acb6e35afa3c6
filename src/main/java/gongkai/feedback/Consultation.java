package gongkai.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * 意见征集: a draft policy open for comment from {@code opensOn} to {@code closesOn}, as the public page shows it.
 *
 * @param status        on the day it was read
 * @param commentCount  every comment received, shown or not
 * @param shown         the public comments that passed moderation, oldest first
 * @param report        the feedback report once published; null before
 * @param finalIndexNo  the index number of the final policy once the body attached it; null before
 * @param finalTitle    that record's title
 */
public record Consultation(long id, String org, String orgName, String title, String draft, LocalDate opensOn,
        LocalDate closesOn, ConsultationStatus status, long commentCount, List<ConsultationComment> shown,
        Report report, String finalIndexNo, String finalTitle, boolean demo) {

    public boolean open() {
        return status == ConsultationStatus.OPEN;
    }

    /** The published feedback report (采纳情况). */
    public record Report(String summary, Instant publishedAt, List<ReportGroup> groups) {
    }

    /**
     * One decision of the report: the public comments it answers and how many non-public ones besides.
     *
     * @param number        the group's number in the report, from 1
     * @param hiddenCount   comments of the group that are not shown (kept private by their authors)
     */
    public record ReportGroup(int number, ConsultationDecision decision, String reason,
            List<ConsultationComment> comments, int hiddenCount) {
    }
}
