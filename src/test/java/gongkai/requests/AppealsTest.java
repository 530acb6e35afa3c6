package gongkai.requests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.InvalidInputProblem.FieldError;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.MovableClock;
import gongkai.support.Origins;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;

import static gongkai.requests.AppealKind.LITIGATION_AFTER_REVIEW;
import static gongkai.requests.AppealKind.LITIGATION_DIRECT;
import static gongkai.requests.AppealKind.REVIEW;
import static gongkai.requests.AppealResult.CORRECTED;
import static gongkai.requests.AppealResult.OTHER;
import static gongkai.requests.AppealResult.PENDING;
import static gongkai.requests.AppealResult.UPHELD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reviews and lawsuits against a request (行政复议、行政诉讼): registered and decided by the handling organisation's
 * editors, each refusal naming what is wrong and changing nothing, kept in the request's history for staff only and
 * in the audit trail; counted for table 四 by filing year with the result as it stood on 31 December.
 */
@PlatformTest
@Import(MovableClock.Config.class)
class AppealsTest extends RequestScenario {

    private static final String ORG = "ycshbj";

    @Autowired
    Appeals appeals;
    @Autowired
    JdbcTemplate jdbc;

    private final Staff staff = Staff.of(ORG);

    @Test
    void aReviewIsRegisteredDecidedAndFollowedByALawsuitInTheStaffHistoryAndTheAuditTrail() {
        Submitted s = receivedOn(ORG, "2025-03-03");
        String no = s.trackingNo();
        long review = on("2025-04-10", () -> register(no, "REVIEW", "2025-04-01", "宜春市人民政府", "宜府复〔2025〕12号"));
        assertThat(refused(no, () -> register(no, "LITIGATION_AFTER_REVIEW", "2025-04-05", "袁州区人民法院", null)))
                .extracting(FieldError::field).containsExactly("kind");

        Appeal decided = on("2025-06-01", () -> Acting.as(staff.editor(), () -> appeals.recordResult(no, review,
                new AppealDecision("upheld", d("2025-05-20")))));
        assertThat(decided.result()).isEqualTo(UPHELD);
        assertThat(decided.decidedOn()).isEqualTo(d("2025-05-20"));
        long lawsuit = on("2025-06-01", () -> register(no, "LITIGATION_AFTER_REVIEW", "2025-05-25", "袁州区人民法院",
                null));

        assertThat(cases(no)).extracting(Appeal::id, Appeal::kind, Appeal::result, Appeal::authority,
                Appeal::caseNumber).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(review, REVIEW, UPHELD, "宜春市人民政府", "宜府复〔2025〕12号"),
                        org.assertj.core.groups.Tuple.tuple(lawsuit, LITIGATION_AFTER_REVIEW, PENDING, "袁州区人民法院",
                                null));
        List<RequestEvent> history = Acting.as(staff.editor(), () -> handling.view(no)).history();
        assertThat(history).extracting(RequestEvent::kind).containsSubsequence(RequestEvent.Kind.APPEAL_FILED,
                RequestEvent.Kind.APPEAL_DECIDED, RequestEvent.Kind.APPEAL_FILED);
        assertThat(history).extracting(RequestEvent::detail).contains(
                "行政复议：申请人于2025年4月1日申请行政复议，复议机关：宜春市人民政府，案号：宜府复〔2025〕12号。",
                "行政复议（2025年4月1日提起，案号：宜府复〔2025〕12号）于2025年5月20日审结，结果：结果维持。",
                "行政诉讼（复议后起诉）：申请人于2025年5月25日提起行政诉讼，人民法院：袁州区人民法院。");
        assertThat(Origins.fresh(() -> applicants.track(no, s.code())).history()).extracting(RequestEvent::kind)
                .doesNotContain(RequestEvent.Kind.APPEAL_FILED, RequestEvent.Kind.APPEAL_DECIDED);
        assertThat(jdbc.queryForList("select action from audit_event where target_id = ? order by id", String.class,
                no)).containsSubsequence("request.appeal", "request.appeal-result", "request.appeal");
    }

    @Test
    void aReviewALawsuitRestsOnCanNeitherBeUndoneNorMovedPastItsFiling() {
        String no = receivedOn(ORG, "2025-03-03").trackingNo();
        long review = on("2025-04-10", () -> register(no, "REVIEW", "2025-04-01", "宜春市人民政府", null));
        on("2025-05-10", () -> Acting.as(staff.editor(), () -> appeals.recordResult(no, review,
                new AppealDecision("CORRECTED", d("2025-05-06")))));
        on("2025-05-10", () -> register(no, "LITIGATION_AFTER_REVIEW", "2025-05-08", "袁州区人民法院", null));

        for (AppealDecision undo : List.of(new AppealDecision("PENDING", null),
                new AppealDecision("CORRECTED", d("2025-05-09")))) {
            assertThat(refused(no, () -> on("2025-05-10", () -> Acting.as(staff.editor(),
                    () -> appeals.recordResult(no, review, undo))))).containsExactly(new FieldError("result",
                            "本申请的复议后起诉（2025年5月8日提起）以该行政复议的决定为前提，复议结果不能改为尚未审结，审结日期也不能晚于"
                                    + "2025年5月8日。"));
        }
        assertThat(cases(no).get(0).decidedOn()).isEqualTo(d("2025-05-06"));
        Appeal sooner = on("2025-05-10", () -> Acting.as(staff.editor(), () -> appeals.recordResult(no, review,
                new AppealDecision("UPHELD", d("2025-05-07")))));
        assertThat(sooner.result()).isEqualTo(UPHELD);
    }

    @Test
    void eachBadRegistrationIsRefusedNamingItsFieldAndNothingIsStored() {
        String no = receivedOn(ORG, "2025-03-03").trackingNo();
        clock.setDate(d("2025-04-10"));
        assertThat(refused(no, () -> register(no, "APPEAL", "2025-04-01", "宜春市人民政府", null)))
                .extracting(FieldError::field).containsExactly("kind");
        assertThat(refused(no, () -> register(no, "REVIEW", "2025-04-11", "宜春市人民政府", null)))
                .containsExactly(new FieldError("filedOn", "申请复议或起诉的日期（2025年4月11日）不能晚于今天。"));
        assertThat(refused(no, () -> register(no, "REVIEW", "2025-03-02", "宜春市人民政府", null)))
                .containsExactly(new FieldError("filedOn", "申请复议或起诉的日期（2025年3月2日）不能早于收到申请的日期（2025年3月3日）。"));
        assertThat(refused(no, () -> register(no, "REVIEW", null, " ", "x".repeat(101))))
                .extracting(FieldError::field).containsExactly("filedOn", "authority", "caseNumber");
    }

    @Test
    void eachBadResultIsRefusedNamingItsFieldAndPendingClearsTheDay() {
        String no = receivedOn(ORG, "2025-03-03").trackingNo();
        long id = on("2025-04-10", () -> register(no, "LITIGATION_DIRECT", "2025-04-01", "袁州区人民法院", null));
        clock.setDate(d("2025-06-10"));
        assertThat(refusedResult(no, id, new AppealDecision("WON", d("2025-05-01"))))
                .extracting(FieldError::field).containsExactly("result");
        assertThat(refusedResult(no, id, new AppealDecision("UPHELD", null))).containsExactly(
                new FieldError("decidedOn", "请填写审结日期（尚未审结的请选择“尚未审结”）。"));
        assertThat(refusedResult(no, id, new AppealDecision("UPHELD", d("2025-03-31")))).containsExactly(
                new FieldError("decidedOn", "审结日期（2025年3月31日）不能早于申请复议或起诉的日期（2025年4月1日）。"));
        assertThat(refusedResult(no, id, new AppealDecision("UPHELD", d("2025-06-11")))).containsExactly(
                new FieldError("decidedOn", "审结日期（2025年6月11日）不能晚于今天。"));
        assertThat(cases(no).get(0).result()).isEqualTo(PENDING);

        Acting.as(staff.editor(), () -> appeals.recordResult(no, id, new AppealDecision("OTHER", d("2025-06-01"))));
        Appeal reopened = Acting.as(staff.editor(), () -> appeals.recordResult(no, id,
                new AppealDecision("PENDING", d("2025-06-01"))));
        assertThat(reopened.result()).isEqualTo(PENDING);
        assertThat(reopened.decidedOn()).isNull();
        assertThatThrownBy(() -> Acting.as(staff.editor(), () -> appeals.recordResult(no, 999_999_999L,
                new AppealDecision("UPHELD", d("2025-06-01"))))).isInstanceOf(NotFoundProblem.class);
    }

    @Test
    void onlyTheHandlingOrganisationsEditorsRegisterAndItsStaffRead() {
        String no = receivedOn(ORG, "2025-03-03").trackingNo();
        clock.setDate(d("2025-04-10"));
        assertThat(Acting.as(staff.editor(), () -> handling.allowedSteps(no)).allows(RequestStep.APPEAL)).isTrue();
        Actor otherEditor = Acting.actor("ycsmzj", Role.EDITOR);
        for (Actor someone : List.of(staff.reviewer(), staff.approver(), otherEditor)) {
            assertThatThrownBy(() -> Acting.as(someone, () -> appeals.register(no, new NewAppeal("REVIEW",
                    d("2025-04-01"), "宜春市人民政府", null)))).isInstanceOf(AccessDeniedProblem.class);
        }
        assertThat(Acting.as(staff.approver(), () -> appeals.cases(no))).isEmpty();
        assertThatThrownBy(() -> Acting.as(otherEditor, () -> appeals.cases(no)))
                .isInstanceOf(AccessDeniedProblem.class);
    }

    @Test
    void tableFourCountsTheYearsCasesWithTheirResultOnTheLastDayOfTheYear() {
        String org = "ycsscj";
        Staff office = Staff.of(org);
        String first = receivedOn(org, "2024-11-01").trackingNo();
        String second = receivedOn(org, "2024-12-02").trackingNo();
        String third = receivedOn(org, "2025-01-06").trackingNo();
        String elsewhere = receivedOn("ycsyjj", "2024-11-01").trackingNo();

        long decidedOnNewYearsEve = on("2024-12-31", () -> register(office, first, "REVIEW", "2024-12-10"));
        long decidedInJanuary = on("2024-12-31", () -> register(office, second, "REVIEW", "2024-12-20"));
        on("2024-12-31", () -> decide(office, first, decidedOnNewYearsEve, "UPHELD", "2024-12-31"));
        long afterElsewhere = on("2024-12-31", () -> register(Staff.of("ycsyjj"), elsewhere, "REVIEW", "2024-12-15"));
        on("2025-01-10", () -> decide(office, second, decidedInJanuary, "CORRECTED", "2025-01-10"));
        long afterFirst = on("2025-01-15", () -> register(office, first, "LITIGATION_AFTER_REVIEW", "2025-01-15"));
        on("2025-02-01", () -> register(office, third, "LITIGATION_DIRECT", "2025-02-01"));
        long afterSecond = on("2025-02-10", () -> register(office, second, "LITIGATION_AFTER_REVIEW", "2025-02-10"));
        on("2025-06-30", () -> decide(office, first, afterFirst, "OTHER", "2025-06-30"));
        on("2026-01-05", () -> decide(office, second, afterSecond, "UPHELD", "2026-01-05"));
        assertThat(afterElsewhere).isPositive();

        AppealFigures y2024 = appeals.figures(List.of(org), 2024);
        assertThat(y2024.counts().get(REVIEW)).isEqualTo(Map.of(UPHELD, 1, CORRECTED, 0, OTHER, 0, PENDING, 1));
        assertThat(y2024.total(REVIEW)).isEqualTo(2);
        assertThat(y2024.total(LITIGATION_DIRECT) + y2024.total(LITIGATION_AFTER_REVIEW)).isZero();

        AppealFigures y2025 = appeals.figures(List.of(org), 2025);
        assertThat(y2025.total(REVIEW)).isZero();
        assertThat(y2025.count(LITIGATION_DIRECT, PENDING)).isEqualTo(1);
        assertThat(y2025.total(LITIGATION_DIRECT)).isEqualTo(1);
        assertThat(y2025.counts().get(LITIGATION_AFTER_REVIEW))
                .isEqualTo(Map.of(UPHELD, 0, CORRECTED, 0, OTHER, 1, PENDING, 1));

        assertThat(appeals.figures(List.of(org, "ycsyjj"), 2024).count(REVIEW, PENDING)).isEqualTo(2);
        AppealFigures none = appeals.figures(List.of(org), 2023);
        assertThat(none.counts()).containsOnlyKeys(AppealKind.values());
        assertThat(none.counts().values()).allSatisfy(row -> assertThat(row).containsOnlyKeys(AppealResult.values())
                .allSatisfy((result, n) -> assertThat(n).isZero()));
        assertThat(appeals.figures(List.of(), 2024).total(REVIEW)).isZero();
    }

    // ----- helpers

    private Submitted receivedOn(String org, String day) {
        clock.setDate(d(day));
        return Origins.fresh(() -> intake.submit(Applicants.person(org, "2024年环境信访件办理情况")));
    }

    private <T> T on(String day, Supplier<T> step) {
        clock.setDate(d(day));
        return step.get();
    }

    private long register(String no, String kind, String filedOn, String authority, String caseNumber) {
        return Acting.as(staff.editor(), () -> appeals.register(no, new NewAppeal(kind,
                filedOn == null ? null : d(filedOn), authority, caseNumber)));
    }

    private long register(Staff office, String no, String kind, String filedOn) {
        return Acting.as(office.editor(), () -> appeals.register(no, new NewAppeal(kind, d(filedOn),
                kind.equals("REVIEW") ? "宜春市人民政府" : "袁州区人民法院", null)));
    }

    private Appeal decide(Staff office, String no, long id, String result, String on) {
        return Acting.as(office.editor(), () -> appeals.recordResult(no, id, new AppealDecision(result, d(on))));
    }

    private List<Appeal> cases(String no) {
        return Acting.as(staff.editor(), () -> appeals.cases(no));
    }

    /** The problems of a refused change; the request's cases and history are as they were. */
    private List<FieldError> refused(String no, Runnable change) {
        List<Appeal> before = cases(no);
        int steps = Acting.as(staff.editor(), () -> handling.view(no)).history().size();
        List<FieldError> errors = new ArrayList<>();
        assertThatThrownBy(change::run).isInstanceOfSatisfying(InvalidInputProblem.class,
                e -> errors.addAll(e.errors()));
        assertThat(cases(no)).isEqualTo(before);
        assertThat(Acting.as(staff.editor(), () -> handling.view(no)).history()).hasSize(steps);
        return errors;
    }

    private List<FieldError> refusedResult(String no, long id, AppealDecision decision) {
        return refused(no, () -> Acting.as(staff.editor(), () -> appeals.recordResult(no, id, decision)));
    }
}
