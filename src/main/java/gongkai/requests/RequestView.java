package gongkai.requests;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One request as its applicant (with the query code) or the handling organisation's staff see it. The applicant's
 * view has the applicant's details masked and only the steps the applicant is told of.
 *
 * @param dueOn            the due date while the clock runs or as it stood at the answer; null while it is stopped
 * @param dueCovered       whether {@code dueOn} rests on published holiday notices only
 * @param pauseUntil       while stopped, the day the pause ends at the latest
 * @param workingDaysLeft  while running: working days to the due date (negative once overdue); else null
 * @param feeAmount        the fee noticed, if any
 * @param transferredTo    tracking number of the request this one was sent on as, if any
 * @param transferredFrom  tracking number of the request this one came from, if any
 * @param hasLetter        whether a reply letter exists (after the answer)
 * @param monthlyRank      staff only: this request's place among the applicant's requests that month (fees); else 0
 */
public record RequestView(String trackingNo, String orgCode, String orgName, ReceiptChannel channel,
        LocalDate arrivedOn, LocalDate receivedOn, Applicant applicant, String description, String purpose,
        DeliveryForm preferredForm, boolean suggestProactive, RequestPhase phase, LocalDate dueOn,
        boolean dueCovered, LocalDate pauseUntil, Integer workingDaysLeft, boolean overdue, RequestOutcome outcome,
        LocalDate answeredOn, boolean answeredLate, String replyText, boolean hasLetter, BigDecimal feeAmount,
        String transferredTo, String transferredFrom, int extensionDays, int pausedDays,
        LocalDate lastDayForCorrectionNotice, int monthlyRank, List<RequestEvent> history, boolean demo) {

    public boolean open() {
        return phase.open();
    }
}
