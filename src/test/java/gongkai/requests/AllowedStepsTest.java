package gongkai.requests;

import static gongkai.requests.RequestStep.APPEAL;
import static gongkai.requests.RequestStep.CONSULTATION;
import static gongkai.requests.RequestStep.CORRECTION;
import static gongkai.requests.RequestStep.DELIVERY;
import static gongkai.requests.RequestStep.EXTENSION;
import static gongkai.requests.RequestStep.FEE;
import static gongkai.requests.RequestStep.PROPOSAL;
import static gongkai.requests.RequestStep.RECORD_CORRECTION;
import static gongkai.requests.RequestStep.REISSUE_CODE;
import static gongkai.requests.RequestStep.REPLY;
import static gongkai.requests.RequestStep.TRANSFER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

import gongkai.shared.Actor;
import gongkai.shared.ConflictProblem;
import gongkai.support.Acting;
import gongkai.support.MovableClock;
import gongkai.support.Origins;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;

/**
 * What the staff of the handling organisation may do with a request, as {@link RequestClock#allowedSteps} decides it
 * once for the page and the services: each role its own steps, and of those only what the request's state allows.
 */
@PlatformTest
@Import(MovableClock.Config.class)
class AllowedStepsTest extends RequestScenario {

    private static final String ORG = "ycsmzj";
    private final Staff staff = Staff.of(ORG);

    private String receivedOn(String day) {
        clock.setDate(d(day));
        return Origins.fresh(() -> intake.submit(Applicants.person(ORG, "2026年城乡低保资金发放情况"))).trackingNo();
    }

    private java.util.Set<RequestStep> steps(Actor actor, String no) {
        return Acting.as(actor, () -> handling.allowedSteps(no)).steps();
    }

    @Test
    void aNewRequestOffersEachRoleItsOwnStepsOnly() {
        String no = receivedOn("2026-11-02");
        assertThat(steps(staff.editor(), no)).containsExactlyInAnyOrder(CORRECTION, CONSULTATION, REISSUE_CODE,
                APPEAL);
        assertThat(steps(staff.approver(), no)).containsExactlyInAnyOrder(EXTENSION, FEE, REPLY, TRANSFER);
        assertThat(steps(staff.reviewer(), no)).isEmpty();
    }

    @Test
    void aCorrectionIsOfferedOnlyWithinSevenWorkingDaysOfReceipt() {
        String no = receivedOn("2026-11-02");
        clock.setDate(d("2026-11-11")); // the 7th working day after Monday 2 November
        assertThat(steps(staff.editor(), no)).contains(CORRECTION);
        clock.setDate(d("2026-11-12"));
        assertThat(steps(staff.editor(), no)).doesNotContain(CORRECTION);
        assertThatThrownBy(() -> Acting.as(staff.editor(), () -> clockKeeping.requestCorrection(no,
                List.of("请写明所需信息的文号"), d("2026-11-30")))).isInstanceOf(ConflictProblem.class)
                .hasMessageContaining("7个工作日内");
    }

    @Test
    void whileTheApplicantCorrectsOnlyTheCorrectionCanBeRecorded() {
        String no = receivedOn("2026-11-02");
        clock.setDate(d("2026-11-03"));
        Acting.as(staff.editor(), () -> clockKeeping.requestCorrection(no, List.of("请写明所需信息的文号"),
                d("2026-11-20")));
        assertThat(steps(staff.editor(), no)).containsExactlyInAnyOrder(RECORD_CORRECTION, REISSUE_CODE, APPEAL);
        assertThat(steps(staff.approver(), no)).isEmpty();
        assertThatThrownBy(() -> Acting.as(staff.approver(), () -> handling.reply(no,
                new Reply("PUBLIC", "答复内容。", null, null)))).isInstanceOf(ConflictProblem.class)
                .hasMessageContaining("申请人尚未补正");
    }

    @Test
    void onceAnsweredOnlyDeliveryANewCodeAProposalAndAppealsRemain() {
        String no = receivedOn("2026-11-02");
        clock.setDate(d("2026-11-05"));
        Acting.as(staff.approver(), () -> handling.reply(no, new Reply("PUBLIC", "该信息予以公开，见附件。", null, null)));
        assertThat(steps(staff.editor(), no)).containsExactlyInAnyOrder(DELIVERY, REISSUE_CODE, PROPOSAL,
                APPEAL);
        assertThat(steps(staff.approver(), no)).isEmpty();
    }
}
