package gongkai.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;

/** An EIA case posts its three notices only in order, each after the previous period, and never changes one. */
class EiaCaseTest {

    private static final LocalDate DAY = LocalDate.of(2026, 9, 28);

    private static EiaCase fresh(EiaCase.Notice... notices) {
        return new EiaCase(1L, "测试项目", "测试建设单位", "360902", "某路", "测试环评机构", "ycshbj",
                EiaDocumentType.REPORT, DAY.minusDays(5), false, null, List.of(notices));
    }

    private static EiaCase.Notice acceptance(boolean published) {
        return new EiaCase.Notice(EiaStage.ACCEPTANCE, "受理", DAY, 10, LocalDate.of(2026, 10, 15), null, null,
                "draft-1", published ? "idx/1" : null, published);
    }

    private static EiaCase.Notice approval(boolean published) {
        return new EiaCase.Notice(EiaStage.APPROVAL, "拟审批", LocalDate.of(2026, 10, 16), 5,
                LocalDate.of(2026, 10, 22), null, null, "draft-2", published ? "idx/2" : null, published);
    }

    private static EiaNoticeInput notice(LocalDate start) {
        return new EiaNoticeInput("公示内容", start, null, null);
    }

    @Test
    void theFirstNoticeIsTheAcceptanceNotice() {
        EiaCase c = fresh();
        assertThat(c.next()).isEqualTo(EiaStage.ACCEPTANCE);
        assertThat(c.whyNotPost(EiaStage.APPROVAL, DAY)).hasValue("应先进行受理公示，再进行拟审批公示。");
        assertThatThrownBy(() -> c.post(EiaStage.POST_APPROVAL, notice(DAY), 0, DAY, DAY))
                .isInstanceOf(ConflictProblem.class).hasMessage("应先进行受理公示，再进行批后公告。");
        EiaCase.Notice n = c.post(EiaStage.ACCEPTANCE, notice(DAY), 10, LocalDate.of(2026, 10, 15), DAY);
        assertThat(n.published()).isFalse();
        assertThat(c.next()).isEqualTo(EiaStage.APPROVAL);
    }

    @Test
    void theApprovalNoticeWaitsForThePublishedAcceptanceNoticeAndTheEndOfItsPeriod() {
        assertThat(fresh(acceptance(false)).whyNotPost(EiaStage.APPROVAL, LocalDate.of(2026, 11, 1)))
                .hasValue("受理公示尚未经审核发布，不能进行拟审批公示。");
        EiaCase c = fresh(acceptance(true));
        assertThatThrownBy(() -> c.post(EiaStage.APPROVAL, notice(LocalDate.of(2026, 10, 15)), 5,
                LocalDate.of(2026, 10, 21), LocalDate.of(2026, 10, 15)))
                .isInstanceOf(ConflictProblem.class)
                .hasMessage("受理公示的公示期至2026-10-15结束，期满后才能进行拟审批公示。");
        assertThat(c.whyNotPost(EiaStage.APPROVAL, LocalDate.of(2026, 10, 16))).isEmpty();
        c.post(EiaStage.APPROVAL, notice(LocalDate.of(2026, 10, 16)), 5, LocalDate.of(2026, 10, 22),
                LocalDate.of(2026, 10, 16));
        assertThat(c.next()).isEqualTo(EiaStage.POST_APPROVAL);
    }

    @Test
    void thePostApprovalNoticeWaitsForTheApprovalPeriodAndNeedsTheDecisionAndItsNumber() {
        EiaCase c = fresh(acceptance(true), approval(true));
        assertThat(c.whyNotPost(EiaStage.POST_APPROVAL, LocalDate.of(2026, 10, 22)))
                .hasValue("拟审批公示的公示期至2026-10-22结束，期满后才能进行批后公告。");
        LocalDate after = LocalDate.of(2026, 10, 23);
        assertThatThrownBy(() -> c.post(EiaStage.POST_APPROVAL, notice(after), 0, after, after))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputProblem.FieldError::field).containsExactly("decision", "approvalNo"));
        EiaCase.Notice n = c.post(EiaStage.POST_APPROVAL,
                new EiaNoticeInput("批后公告", after, "APPROVED", "宜环评字〔2026〕9号"), 0, after, after);
        assertThat(n.decision()).isEqualTo(EiaDecision.APPROVED);
        assertThat(c.next()).isNull();
    }

    @Test
    void aPostedNoticeIsNeverChangedOrPostedAgain() {
        EiaCase c = fresh(acceptance(true));
        assertThatThrownBy(() -> c.post(EiaStage.ACCEPTANCE, notice(DAY), 10, DAY, DAY))
                .isInstanceOf(ConflictProblem.class).hasMessage("受理公示已发布，不能修改。");
        assertThat(fresh(acceptance(false)).whyNotPost(EiaStage.ACCEPTANCE, DAY)).hasValue("受理公示已提交审核，不能重复发起。");
    }

    @Test
    void aNoticeCannotStartInThePastNorBeforeThePreviousPeriodEndsNorCarryADecisionBeforeItsTime() {
        assertThatThrownBy(() -> fresh().post(EiaStage.ACCEPTANCE, notice(DAY.minusDays(1)), 10, DAY, DAY))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(f -> assertThat(f.message()).isEqualTo("公示开始日期不能早于今天（2026-09-28）。")));
        assertThatThrownBy(() -> fresh().post(EiaStage.ACCEPTANCE,
                new EiaNoticeInput("受理", DAY, "APPROVED", null), 10, DAY, DAY))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(f -> assertThat(f.message()).contains("批后公告中填写")));
    }

    @Test
    void commentsAreTakenOnlyWhileAPublishedNoticesPeriodRuns() {
        assertThat(fresh(acceptance(false)).openStage(DAY)).isEmpty();
        EiaCase c = fresh(acceptance(true));
        assertThat(c.commentStage(DAY)).isEqualTo(EiaStage.ACCEPTANCE);
        assertThat(c.commentStage(LocalDate.of(2026, 10, 15))).isEqualTo(EiaStage.ACCEPTANCE);
        assertThatThrownBy(() -> c.commentStage(LocalDate.of(2026, 10, 16)))
                .isInstanceOf(InvalidInputProblem.class)
                .hasMessageContaining("该项目当前不在公众意见征求期内，不能提交意见（受理公示征求意见期为2026-09-28至2026-10-15）。");
    }

    @Test
    void theResponseIsRecordedBeforeThePostApprovalNoticeAndShownWithIt() {
        assertThat(fresh().whyNotRespond()).isPresent();
        EiaCase c = fresh(acceptance(true), approval(true));
        c.respond("已采纳");
        assertThat(c.publicResponse()).isNull();
        EiaCase closed = fresh(acceptance(true), approval(true), new EiaCase.Notice(EiaStage.POST_APPROVAL, "批后",
                LocalDate.of(2026, 10, 23), 0, LocalDate.of(2026, 10, 23), EiaDecision.APPROVED, "号", "d", "i/3",
                true));
        assertThatThrownBy(() -> closed.respond("改")).isInstanceOf(ConflictProblem.class)
                .hasMessage("批后公告已发起，公众意见采纳情况随公告发布，不能再修改。");
    }
}
