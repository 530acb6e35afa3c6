package gongkai.requests.internal;

import java.time.LocalDate;

import gongkai.requests.RequestSummary;

/** One line of an organisation's inbox, {@code GET /api/v1/requests?org=}. */
public record InboxLine(String trackingNo, String applicantName, String applicantType, String description,
        LocalDate receivedOn, String status, LocalDate dueOn, LocalDate pausedUntil, Integer workingDaysLeft,
        boolean overdue, boolean dueSoon, String outcome, LocalDate answeredOn) {

    static InboxLine of(RequestSummary s) {
        return new InboxLine(s.trackingNo(), s.applicantName(), s.applicantKind().name(), s.description(),
                s.receivedOn(), s.phase().name(), s.dueOn(), s.pauseUntil(), s.workingDaysLeft(), s.overdue(),
                s.dueSoon(), s.outcome() == null ? null : s.outcome().name(), s.answeredOn());
    }
}
