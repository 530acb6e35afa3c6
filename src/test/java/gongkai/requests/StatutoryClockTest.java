package gongkai.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import gongkai.requests.internal.ClockKeeper;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.ConflictProblem;
import gongkai.support.Acting;
import gongkai.support.MovableClock;
import gongkai.support.Origins;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;

/**
 * The statutory clock against dates worked out by hand on the 2026 calendar (holidays-cn.csv): 国庆节 and 中秋节 off
 * 9/25–9/27 and 10/1–10/7 with Sunday 9/20 and Saturday 10/10 worked; 春节 off 2/15–2/23 with Saturdays 2/14 and 2/28
 * worked. The day of receipt is not counted (the default). Each comment lists the working days as counted.
 */
@PlatformTest
@Import(MovableClock.Config.class)
class StatutoryClockTest extends RequestScenario {

    private static final String ORG = "ycsmzj";

    @Autowired
    ClockKeeper keeper;

    private final Staff staff = Staff.of(ORG);

    private Submitted receivedOn(String day) {
        clock.setDate(d(day));
        return Origins.fresh(() -> intake.submit(Applicants.person(ORG, "2026年城乡低保资金发放情况")));
    }

    private RequestView on(String day, java.util.function.Supplier<RequestView> step) {
        clock.setDate(d(day));
        return step.get();
    }

    private RequestView staffView(String no) {
        return Acting.as(staff.editor(), () -> handling.view(no));
    }

    @Test
    void dueTwentyWorkingDaysAfterReceiptAcrossMidAutumnAndNationalDay() {
        // Received Wed 9/23. Counted: 9/24 (1); 9/25–27 off; 9/28, 9/29, 9/30 (4); 10/1–7 off; 10/8, 10/9,
        // Sat 10/10 调休 (7); 10/12–16 (12); 10/19–23 (17); 10/26, 10/27, 10/28 (20).
        Submitted s = receivedOn("2026-09-23");
        assertThat(s.receivedOn()).isEqualTo(d("2026-09-23"));
        assertThat(s.dueOn()).isEqualTo(d("2026-10-28"));
        assertThat(s.dueCovered()).isTrue();
    }

    @Test
    void dueAcrossTheSpringFestivalWithBothAdjustedSaturdays() {
        // Received Fri 2/13. Counted: Sat 2/14 调休 (1); 2/15–23 off; 2/24–27 (5); Sat 2/28 调休 (6); 3/2–6 (11);
        // 3/9–13 (16); 3/16, 3/17, 3/18, 3/19 (20).
        assertThat(receivedOn("2026-02-13").dueOn()).isEqualTo(d("2026-03-19"));
    }

    @Test
    void correctionStopsTheClockAndTheCorrectedApplicationStartsItAgain() {
        // Received Mon 2/9. Correction notice within 7 working days: 2/10–13 (4); Sat 2/14 (5); 2/15–23 off;
        // 2/24 (6), 2/25 (7) → last day Wed 2/25. Without it the answer was due 3/13 (2/26, 2/27, Sat 2/28 (10);
        // 3/2–6 (15); 3/9–13 (20)).
        Submitted s = receivedOn("2026-02-09");
        assertThat(s.dueOn()).isEqualTo(d("2026-03-13"));
        RequestView asked = on("2026-02-25", () -> Acting.as(staff.editor(), () -> clockKeeping.requestCorrection(
                s.trackingNo(), List.of("请写明所需低保资金发放情况的所属乡镇", "请写明起止月份"), d("2026-03-10"))));
        assertThat(asked.phase()).isEqualTo(RequestPhase.AWAITING_CORRECTION);
        assertThat(asked.dueOn()).as("the clock is stopped").isNull();
        assertThat(asked.pauseUntil()).isEqualTo(d("2026-03-10"));

        // Corrected application received Wed 3/4; counted afresh: 3/5, 3/6 (2); 3/9–13 (7); 3/16–20 (12);
        // 3/23–27 (17); 3/30, 3/31, 4/1 (20).
        RequestView corrected = on("2026-03-04", () -> applicants.correctByApplicant(s.trackingNo(), s.code(),
                "2026年1月至6月袁州区各乡镇城乡低保资金发放情况"));
        assertThat(corrected.phase()).isEqualTo(RequestPhase.RUNNING);
        assertThat(corrected.dueOn()).isEqualTo(d("2026-04-01"));
        assertThat(corrected.description()).isEqualTo("2026年1月至6月袁州区各乡镇城乡低保资金发放情况");
        assertThat(corrected.history()).extracting(RequestEvent::kind).containsExactly(RequestEvent.Kind.RECEIVED,
                RequestEvent.Kind.CORRECTION_REQUESTED, RequestEvent.Kind.CORRECTED);

        clock.setDate(d("2026-03-05"));
        assertThatThrownBy(() -> Acting.as(staff.editor(), () -> clockKeeping.requestCorrection(s.trackingNo(),
                List.of("再补充一次"), d("2026-03-20")))).isInstanceOf(ConflictProblem.class).hasMessageContaining("一次");
    }

    @Test
    void noCorrectionNoticeAfterTheSeventhWorkingDay() {
        Submitted s = receivedOn("2026-02-09");
        clock.setDate(d("2026-02-26"));
        assertThatThrownBy(() -> Acting.as(staff.editor(), () -> clockKeeping.requestCorrection(s.trackingNo(),
                List.of("请写明所属乡镇"), d("2026-03-10")))).isInstanceOf(ConflictProblem.class)
                .hasMessageContaining("2026年2月25日");
    }

    @Test
    void noCorrectionByTheDeadlineEndsTheRequestWithThatOutcome() {
        Submitted s = receivedOn("2026-02-09");
        on("2026-02-12", () -> Acting.as(staff.editor(), () -> clockKeeping.requestCorrection(s.trackingNo(),
                List.of("请写明所需信息的文号"), d("2026-02-27"))));
        // The deadline day itself still belongs to the applicant.
        keeper.run(d("2026-02-27"));
        assertThat(staffView(s.trackingNo()).phase()).isEqualTo(RequestPhase.AWAITING_CORRECTION);

        keeper.run(d("2026-02-28"));
        RequestView closed = staffView(s.trackingNo());
        assertThat(closed.phase()).isEqualTo(RequestPhase.CLOSED);
        assertThat(closed.outcome()).isEqualTo(RequestOutcome.OTHER_NO_CORRECTION);
        assertThat(closed.answeredOn()).isEqualTo(d("2026-02-28"));
        assertThat(closed.hasLetter()).isTrue();
        clock.setDate(d("2026-03-02"));
        assertThatThrownBy(() -> applicants.correctByApplicant(s.trackingNo(), s.code(), "补正后的描述内容"))
                .isInstanceOf(ConflictProblem.class);
    }

    @Test
    void anApproverExtendsOnceByUpToTwentyWorkingDays() {
        // Due 10/28 (see the first test); 20 more: 10/29, 10/30 (2); 11/2–6 (7); 11/9–13 (12); 11/16–20 (17);
        // 11/23, 11/24, 11/25 (20).
        Submitted s = receivedOn("2026-09-23");
        clock.setDate(d("2026-10-20"));
        assertThatThrownBy(() -> Acting.as(staff.editor(), () -> clockKeeping.extend(s.trackingNo(), "涉及数据较多", null)))
                .isInstanceOf(AccessDeniedProblem.class);
        RequestView extended = Acting.as(staff.approver(), () -> clockKeeping.extend(s.trackingNo(), "涉及数据较多，需要汇总", 20));
        assertThat(extended.dueOn()).isEqualTo(d("2026-11-25"));
        assertThat(extended.extensionDays()).isEqualTo(20);
        RequestEvent notice = extended.history().get(extended.history().size() - 1);
        assertThat(notice.kind()).isEqualTo(RequestEvent.Kind.EXTENDED);
        assertThat(notice.kind().applicantSees()).as("the applicant is told").isTrue();
        assertThat(notice.detail()).contains("2026年11月25日");
        assertThatThrownBy(() -> Acting.as(staff.approver(), () -> clockKeeping.extend(s.trackingNo(), "再延一次", 5)))
                .isInstanceOf(ConflictProblem.class).hasMessageContaining("一次");
    }

    @Test
    void aShorterExtensionAndNoneAfterTheDueDate() {
        // Due 10/28; 10 more: 10/29, 10/30 (2); 11/2–6 (7); 11/9, 11/10, 11/11 (10).
        Submitted s = receivedOn("2026-09-23");
        RequestView ten = on("2026-10-28", () -> Acting.as(staff.approver(), () -> clockKeeping.extend(s.trackingNo(),
                "需要调取档案", 10)));
        assertThat(ten.dueOn()).isEqualTo(d("2026-11-11"));

        Submitted late = receivedOn("2026-09-23");
        clock.setDate(d("2026-10-29"));
        assertThatThrownBy(() -> Acting.as(staff.approver(), () -> clockKeeping.extend(late.trackingNo(), "来不及", 20)))
                .isInstanceOf(ConflictProblem.class).hasMessageContaining("2026年10月28日");
        assertThatThrownBy(() -> Acting.as(staff.approver(), () -> clockKeeping.extend(late.trackingNo(), "太长", 21)))
                .isInstanceOf(gongkai.shared.InvalidInputProblem.class);
    }

    @Test
    void daysInConsultationDoNotCount() {
        // Received Mon 9/14: 9/15–18 (4); Sun 9/20 调休 (5); 9/21, 9/22 (7) — consultation sent Tue 9/22.
        // Without it: 9/23, 9/24 (9); 9/28–30 (12); 10/8, 10/9, 10/10 (15); 10/12–16 (20) → 10/16.
        Submitted s = receivedOn("2026-09-14");
        assertThat(s.dueOn()).isEqualTo(d("2026-10-16"));
        RequestView consulting = on("2026-09-22", () -> Acting.as(staff.editor(), () -> clockKeeping.startConsultation(
                s.trackingNo(), "宜春市示例养老服务有限公司", d("2026-09-22"))));
        // The third party has 15 working days: 9/23, 9/24 (2); 9/28–30 (5); 10/8–10 (8); 10/12–16 (13);
        // 10/19, 10/20 (15).
        assertThat(consulting.phase()).isEqualTo(RequestPhase.IN_CONSULTATION);
        assertThat(consulting.pauseUntil()).isEqualTo(d("2026-10-20"));
        assertThat(consulting.dueOn()).isNull();

        // Reply received Fri 10/9: paused 9/23, 9/24, 9/28, 9/29, 9/30, 10/8, 10/9 = 7 working days; 13 remain:
        // Sat 10/10 (1); 10/12–16 (6); 10/19–23 (11); 10/26, 10/27 (13).
        RequestView resumed = on("2026-10-09", () -> Acting.as(staff.editor(), () -> clockKeeping.endConsultation(
                s.trackingNo(), d("2026-10-09"), "不同意公开涉及本公司经营数据的部分")));
        assertThat(resumed.pausedDays()).isEqualTo(7);
        assertThat(resumed.dueOn()).isEqualTo(d("2026-10-27"));
        // The applicant learns of the consultation, not whom it went to or what they said.
        RequestView applicant = applicants.track(s.trackingNo(), s.code());
        assertThat(applicant.history()).extracting(RequestEvent::kind).contains(RequestEvent.Kind.CONSULTATION_SENT,
                RequestEvent.Kind.CONSULTATION_REPLIED);
        assertThat(applicant.history().toString()).doesNotContain("示例养老服务").doesNotContain("经营数据");
    }

    @Test
    void aSilentThirdPartyEndsThePauseAfterFifteenWorkingDays() {
        // Sent 9/22, limit 10/20 (previous test). No reply: on 10/21 the pause ends on 10/20 with 15 days paused;
        // due = 20 + 15 working days after 9/14: 10/16 (20); 10/19–23 (25); 10/26–30 (30); 11/2–6 (35).
        Submitted s = receivedOn("2026-09-14");
        on("2026-09-22", () -> Acting.as(staff.editor(), () -> clockKeeping.startConsultation(s.trackingNo(),
                "宜春市示例物业公司", d("2026-09-22"))));
        keeper.run(d("2026-10-20"));
        assertThat(staffView(s.trackingNo()).phase()).isEqualTo(RequestPhase.IN_CONSULTATION);
        keeper.run(d("2026-10-21"));
        clock.setDate(d("2026-10-21"));
        RequestView resumed = staffView(s.trackingNo());
        assertThat(resumed.phase()).isEqualTo(RequestPhase.RUNNING);
        assertThat(resumed.pausedDays()).isEqualTo(15);
        assertThat(resumed.dueOn()).isEqualTo(d("2026-11-06"));
    }

    @Test
    void theDailyJobRemindsThreeWorkingDaysBeforeAndMarksOverdueOnce() {
        // Due Wed 10/28. On Thu 10/22 four working days are left (10/23, 26, 27, 28); on Fri 10/23 three.
        Submitted s = receivedOn("2026-09-23");
        keeper.run(d("2026-10-22"));
        assertThat(kinds(s)).doesNotContain(RequestEvent.Kind.REMINDED);
        keeper.run(d("2026-10-23"));
        keeper.run(d("2026-10-24"));
        keeper.run(d("2026-10-28"));
        assertThat(kinds(s)).containsOnlyOnce(RequestEvent.Kind.REMINDED).doesNotContain(RequestEvent.Kind.OVERDUE);
        clock.setDate(d("2026-10-23"));
        assertThat(Acting.as(staff.editor(), () -> handling.inbox(ORG, true))).filteredOn(r -> r.trackingNo()
                .equals(s.trackingNo())).singleElement().satisfies(r -> {
                    assertThat(r.workingDaysLeft()).isEqualTo(3);
                    assertThat(r.dueSoon()).isTrue();
                    assertThat(r.overdue()).isFalse();
                });

        assertThat(keeper.run(d("2026-10-29"))).containsKey(RequestEvent.Kind.OVERDUE);
        keeper.run(d("2026-10-30"));
        assertThat(kinds(s)).containsOnlyOnce(RequestEvent.Kind.OVERDUE);
        clock.setDate(d("2026-10-29"));
        RequestView overdue = staffView(s.trackingNo());
        assertThat(overdue.overdue()).isTrue();
        assertThat(overdue.workingDaysLeft()).isEqualTo(-1);
        // The applicant sees it too; the reminder is the office's own.
        assertThat(applicants.track(s.trackingNo(), s.code()).history()).extracting(RequestEvent::kind)
                .contains(RequestEvent.Kind.OVERDUE).doesNotContain(RequestEvent.Kind.REMINDED);

        RequestView answered = Acting.as(staff.approver(), () -> handling.reply(s.trackingNo(), new Reply("PUBLIC",
                "所申请的信息见附件。", null, null)));
        assertThat(answered.answeredLate()).isTrue();
        assertThat(answered.dueOn()).isEqualTo(d("2026-10-28"));
    }

    @Test
    void aFeeNoticeStopsTheClockUntilPaymentAndNonPaymentEndsTheRequest() {
        // Received Mon 3/2, due 3/30 (3/3–6 (4); 3/9–13 (9); 3/16–20 (14); 3/23–27 (19); 3/30 (20)).
        // Fee notice Mon 3/9, paid Thu 3/12: paused 3/10, 3/11, 3/12 = 3 → 3/31, 4/1, 4/2.
        Submitted paid = receivedOn("2026-03-02");
        assertThat(paid.dueOn()).isEqualTo(d("2026-03-30"));
        RequestView notice = on("2026-03-09", () -> Acting.as(staff.approver(), () -> clockKeeping.requestFee(
                paid.trackingNo(), "PER_VOLUME", 120)));
        // 30 pages free, 70 at 10 yuan, 20 at 20 yuan.
        assertThat(notice.feeAmount()).isEqualByComparingTo("1100.00");
        assertThat(notice.phase()).isEqualTo(RequestPhase.AWAITING_PAYMENT);
        // Twenty working days to pay: 3/10–13 (4); 3/16–20 (9); 3/23–27 (14); 3/30–4/3 (19); 4/4–6 清明 off; 4/7 (20).
        assertThat(notice.pauseUntil()).isEqualTo(d("2026-04-07"));
        RequestView resumed = on("2026-03-12", () -> Acting.as(staff.editor(), () -> clockKeeping.feePaid(
                paid.trackingNo(), d("2026-03-12"))));
        assertThat(resumed.dueOn()).isEqualTo(d("2026-04-02"));

        Submitted unpaid = receivedOn("2026-03-02");
        on("2026-03-09", () -> Acting.as(staff.approver(), () -> clockKeeping.requestFee(unpaid.trackingNo(),
                "PER_VOLUME", 45)));
        keeper.run(d("2026-04-07"));
        assertThat(staffView(unpaid.trackingNo()).phase()).isEqualTo(RequestPhase.AWAITING_PAYMENT);
        keeper.run(d("2026-04-08"));
        assertThat(staffView(unpaid.trackingNo()).outcome()).isEqualTo(RequestOutcome.OTHER_FEE_UNPAID);
    }

    @Test
    void aFreeFeeIsNotNoticed() {
        Submitted s = receivedOn("2026-03-02");
        clock.setDate(d("2026-03-03"));
        assertThatThrownBy(() -> Acting.as(staff.approver(), () -> clockKeeping.requestFee(s.trackingNo(), "PER_REQUEST",
                null))).isInstanceOf(ConflictProblem.class).hasMessageContaining("第1件");
    }

    private List<RequestEvent.Kind> kinds(Submitted s) {
        return staffView(s.trackingNo()).history().stream().map(RequestEvent::kind).toList();
    }
}
