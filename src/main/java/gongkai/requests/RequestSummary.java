package gongkai.requests;

import java.time.LocalDate;

/**
 * A line of an organisation's inbox (staff only).
 *
 * @param workingDaysLeft while the clock runs: working days to the due date, negative once overdue; else null
 * @param dueSoon         running with at most the reminder's number of working days left
 */
public record RequestSummary(String trackingNo, String applicantName, ApplicantKind applicantKind, String description,
        LocalDate receivedOn, RequestPhase phase, LocalDate dueOn, LocalDate pauseUntil, Integer workingDaysLeft,
        boolean overdue, boolean dueSoon, RequestOutcome outcome, LocalDate answeredOn, boolean demo) {

    /** The to-do horizon of the back office: requests due within this many working days need attention now. */
    public static final int DUE_SOON_WORKING_DAYS = 5;

    /** Running, not yet overdue, with at most {@link #DUE_SOON_WORKING_DAYS} working days left. */
    public boolean dueWithinFiveWorkingDays() {
        return !overdue && workingDaysLeft != null && workingDaysLeft >= 0 && workingDaysLeft <= DUE_SOON_WORKING_DAYS;
    }
}
