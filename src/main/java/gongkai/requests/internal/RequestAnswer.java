package gongkai.requests.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

import gongkai.requests.Applicant;
import gongkai.requests.RequestEvent;
import gongkai.requests.RequestOutcome;
import gongkai.requests.RequestView;

/**
 * A request as {@code /api/v1/requests/{trackingNo}} answers it (API.md), to its applicant or to staff. The order of
 * the components is the order of the JSON; {@code monthlyRank} is left out of the applicant's answer.
 *
 * @param dueOnMayMove whether the due date still rests on an unpublished holiday notice
 * @param letter       the reply letter's address, once there is one
 * @param fee          the fee noticed, in yuan with two decimals
 * @param monthlyRank  staff only: the request's place among its applicant's requests that month
 */
public record RequestAnswer(String trackingNo, OrgRef org, String status, String statusLabel, String channel,
        LocalDate receivedOn, LocalDate dueOn, boolean dueOnMayMove, LocalDate pausedUntil, Integer workingDaysLeft,
        boolean overdue, int extensionWorkingDays, int pausedWorkingDays, ApplicantAnswer applicant,
        String description, String purpose, String preferredForm, boolean suggestProactive, String outcome,
        String outcomeLabel, LocalDate answeredOn, boolean answeredLate, String replyText, String letter, String fee,
        String transferredTo, String transferredFrom, @JsonInclude(Include.NON_NULL) Integer monthlyRank,
        List<HistoryEntry> history, boolean demo) {

    static RequestAnswer of(RequestView v) {
        RequestOutcome outcome = v.outcome();
        return new RequestAnswer(v.trackingNo(), new OrgRef(v.orgCode(), v.orgName()), v.phase().name(),
                v.phase().label(), v.channel().name(), v.receivedOn(), v.dueOn(), !v.dueCovered(), v.pauseUntil(),
                v.workingDaysLeft(), v.overdue(), v.extensionDays(), v.pausedDays(), ApplicantAnswer.of(v.applicant()),
                v.description(), v.purpose(), v.preferredForm().name(), v.suggestProactive(),
                outcome == null ? null : outcome.name(), outcome == null ? null : outcome.label(), v.answeredOn(),
                v.answeredLate(), v.replyText(),
                v.hasLetter() ? "/api/v1/requests/" + v.trackingNo() + "/letter.pdf" : null,
                v.feeAmount() == null ? null : v.feeAmount().toPlainString(), v.transferredTo(), v.transferredFrom(),
                v.monthlyRank() > 0 ? v.monthlyRank() : null, v.history().stream().map(HistoryEntry::of).toList(),
                v.demo());
    }

    /** The applicant, masked in the applicant's own answer. */
    public record ApplicantAnswer(String applicantType, String name, String idType, String idNumber,
            String contactName, String phone, String email, String address) {

        static ApplicantAnswer of(Applicant a) {
            return new ApplicantAnswer(a.kind().name(), a.name(), a.idType().name(), a.idNumber(), a.contactName(),
                    a.phone(), a.email(), a.address());
        }
    }

    /**
     * One step of the history.
     *
     * @param workingDays the days an extension or fee notice gives; left out when none
     * @param note        staff only: the internal note; left out when none
     */
    public record HistoryEntry(int seq, String kind, String label, LocalDate on, LocalDate until,
            @JsonInclude(Include.NON_NULL) Integer workingDays, String outcome, String detail,
            @JsonInclude(Include.NON_NULL) String note, String by, Instant at) {

        static HistoryEntry of(RequestEvent e) {
            return new HistoryEntry(e.seq(), e.kind().name(), e.kind().label(), e.on(), e.until(),
                    e.days() != 0 ? e.days() : null, e.outcome() == null ? null : e.outcome().name(), e.detail(),
                    e.note(), e.actor(), e.recordedAt());
        }
    }
}
