package gongkai.requests;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One step in a request's history (the event log, as Alaveteli keeps one per request). The log is never changed once
 * written; the statutory clock is replayed from it ({@link RequestClock}).
 *
 * @param seq        position in the history, from 1
 * @param on         the legal date of the step (the day a notice was given, a reply received, the answer made)
 * @param until      a date the step sets: the correction deadline, the consultation limit, the payment deadline
 * @param days       a number of working days the step sets: an extension, or the payment period of a fee notice
 * @param outcome    the outcome, on the answer
 * @param detail     what happened, in Chinese, as the applicant or staff read it
 * @param note       what only staff read (the party consulted, its opinion, how a fee was computed); null in the
 *                   applicant's view
 * @param actor      who did it ({@code system} for the daily job, {@code applicant} for the applicant)
 * @param recordedAt when it was written down
 */
public record RequestEvent(int seq, Kind kind, LocalDate on, LocalDate until, int days, RequestOutcome outcome,
        String detail, String note, String actor, Instant recordedAt) {

    /** The kinds of step, with the Chinese name of the history and whether the applicant sees it. */
    public enum Kind {
        RECEIVED("收到申请", true),
        CORRECTION_REQUESTED("补正告知", true),
        CORRECTED("收到补正申请", true),
        EXTENDED("延长答复期限", true),
        CONSULTATION_SENT("书面征求意见", true),
        CONSULTATION_REPLIED("收到征求意见答复", true),
        CONSULTATION_LAPSED("征求意见期满", true),
        FEE_REQUESTED("收费通知", true),
        FEE_PAID("缴纳信息处理费", true),
        ANSWERED("答复", true),
        DELIVERED("送达", true),
        OVERDUE("逾期未答复", true),
        REMINDED("到期提醒", false),
        CODE_REISSUED("重新发放查询码", true),
        PROPOSED("建议主动公开", false),
        APPEAL_FILED("登记行政复议、行政诉讼", false),
        APPEAL_DECIDED("登记复议、诉讼结果", false);

        private final String label;
        private final boolean applicantSees;

        Kind(String label, boolean applicantSees) {
            this.label = label;
            this.applicantSees = applicantSees;
        }

        public String label() {
            return label;
        }

        public boolean applicantSees() {
            return applicantSees;
        }
    }

    /** A step as the clock decides it, before it has a place in the history, a text and an author. */
    public static RequestEvent step(Kind kind, LocalDate on, LocalDate until, int days, RequestOutcome outcome) {
        return new RequestEvent(0, kind, on, until, days, outcome, "", null, null, null);
    }

    public RequestEvent withDetail(String text) {
        return new RequestEvent(seq, kind, on, until, days, outcome, text, note, actor, recordedAt);
    }

    public RequestEvent withNote(String staffNote) {
        return new RequestEvent(seq, kind, on, until, days, outcome, detail, staffNote, actor, recordedAt);
    }

    /** As the applicant reads it: without the staff note. */
    public RequestEvent forApplicant() {
        return new RequestEvent(seq, kind, on, until, days, outcome, detail, null, actor.startsWith("applicant")
                || actor.equals("system") ? actor : "staff", recordedAt);
    }
}
