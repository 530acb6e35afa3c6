package gongkai.publishing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import gongkai.catalog.Audience;
import gongkai.publishing.Decision;
import gongkai.publishing.DisclosureMode;
import gongkai.publishing.RecordAction;
import gongkai.publishing.RecordActions;
import gongkai.publishing.RecordStatus;
import gongkai.publishing.StepPermission.Refusal;
import gongkai.publishing.Validity;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a record allows whom, as the record itself decides it for the services and the pages: the role in the
 * record's organisation first (403), then where the record stands (409), then separation of duties (三审, 403).
 */
class RecordActionsTest {

    private static final String ORG = "ycsfpb";

    private final Actor author = person("author", Role.EDITOR, Role.REVIEWER, Role.APPROVER);
    private final Actor editor = person("editor", Role.EDITOR);
    private final Actor reviewer = person("reviewer", Role.REVIEWER);
    private final Actor approver = person("approver", Role.APPROVER);
    private final Actor reviewerAndApprover = person("both", Role.REVIEWER, Role.APPROVER);

    private static Actor person(String name, Role... roles) {
        return new Actor(name, ORG, EnumSet.of(roles[0], roles), false);
    }

    private RecordEntity draftBy(Actor who) {
        RecordEntity record = new RecordEntity("pa-project", ORG, who.username(), false);
        record.edit(new RecordEntity.WorkingCopy("360900", Audience.PUBLIC, null, DisclosureMode.PROACTIVE, null, null,
                "项目公示", "", "<p>正文</p>", null, LocalDate.of(2026, 9, 1), "", "", "[]", null, null, null),
                who.username());
        return record;
    }

    private RecordEntity submittedBy(Actor who) {
        RecordEntity record = draftBy(who);
        record.submit(who.username());
        return record;
    }

    private RecordEntity published() {
        return publishedDraftOf(editor);
    }

    private RecordEntity publishedDraftOf(Actor drafter) {
        RecordEntity record = submittedBy(drafter);
        record.review(Decision.PASS, "", reviewer);
        record.published("ycsfpb/2026-00001", Instant.parse("2026-09-02T02:00:00Z"));
        return record;
    }

    private static Set<RecordAction> allowed(RecordActions actions) {
        Set<RecordAction> allowed = EnumSet.noneOf(RecordAction.class);
        actions.verdicts().forEach((action, verdict) -> {
            if (verdict.granted()) {
                allowed.add(action);
            }
        });
        return allowed;
    }

    @Test
    void anEditorWorksOnADraftAndSubmitsIt() {
        assertThat(allowed(draftBy(editor).allowedActions(editor))).containsExactlyInAnyOrder(RecordAction.EDIT,
                RecordAction.ADD_ATTACHMENT, RecordAction.REMOVE_ATTACHMENT, RecordAction.IMPORT_ROWS,
                RecordAction.CHECK, RecordAction.SUBMIT);
    }

    @Test
    void aReviewerMayOnlyReviewASubmittedRecord() {
        assertThat(allowed(submittedBy(editor).allowedActions(reviewer))).containsExactly(RecordAction.REVIEW);
        assertThat(draftBy(editor).allowedActions(reviewer).get(RecordAction.REVIEW).refusal())
                .isEqualTo(Refusal.STATE);
    }

    @Test
    void anAuthorMayNotReviewTheirOwnRecord() {
        RecordActions actions = submittedBy(author).allowedActions(author);
        assertThat(actions.get(RecordAction.REVIEW).refusal()).isEqualTo(Refusal.DUTIES);
        assertThat(actions.dutiesNote(RecordAction.REVIEW, RecordAction.APPROVE))
                .isEqualTo("您参与了这条信息本轮的拟稿（录入、修改、导入、附件、遮蔽或提交），不能审核它（三审须由拟稿、审核、审批三个不同的人完成）。");
        assertThatThrownBy(() -> submittedBy(author).review(Decision.PASS, "", author))
                .isInstanceOf(AccessDeniedProblem.class).hasMessageContaining("三审");
    }

    @Test
    void anAuthorMayNotApproveTheirOwnRecordEither() {
        RecordEntity record = submittedBy(author);
        record.review(Decision.PASS, "", reviewer);
        assertThat(record.allowedActions(author).get(RecordAction.APPROVE).refusal()).isEqualTo(Refusal.DUTIES);
        assertThat(allowed(record.allowedActions(approver))).containsExactly(RecordAction.APPROVE);
    }

    @Test
    void whoeverSubmittedCountsAsADrafter() {
        RecordEntity record = draftBy(editor);
        record.submit(author.username());
        assertThat(record.allowedActions(author).get(RecordAction.REVIEW).refusedForDuties()).isTrue();
    }

    @Test
    void aReviewerMayNotApproveWhatTheyReviewed() {
        RecordEntity record = submittedBy(editor);
        record.review(Decision.PASS, "", reviewerAndApprover);
        assertThat(record.allowedActions(reviewerAndApprover).get(RecordAction.APPROVE).reason())
                .isEqualTo("您已审核这条信息，不能再审批它（三审须由拟稿、审核、审批三个不同的人完成）。");
    }

    @Test
    void someoneOfAnotherOrganisationMayDoNothing() {
        Actor stranger = new Actor("stranger", "ycsmzj", EnumSet.allOf(Role.class), false);
        RecordActions actions = submittedBy(editor).allowedActions(stranger);
        assertThat(allowed(actions)).isEmpty();
        assertThat(actions.get(RecordAction.REVIEW).reason()).isEqualTo("只有本单位的审核员可以审核这条信息。");
        assertThat(actions.get(RecordAction.ADD_ATTACHMENT).reason()).isEqualTo("只有本单位的信息员可以修改这条信息。");
        assertThatThrownBy(() -> actions.require(RecordAction.REVIEW)).isInstanceOf(AccessDeniedProblem.class);
    }

    @Test
    void aSubmittedRecordIsNoLongerTheEditors() {
        RecordEntity record = submittedBy(editor);
        RecordActions actions = record.allowedActions(editor);
        assertThat(allowed(actions)).containsExactly(RecordAction.CHECK);
        assertThat(actions.get(RecordAction.EDIT).reason()).isEqualTo("记录当前状态为“待审核”，不能修改。");
        assertThat(actions.get(RecordAction.ADD_ATTACHMENT).reason()).isEqualTo("记录当前状态为“待审核”，不能添加附件。");
        assertThatThrownBy(() -> actions.require(RecordAction.SUBMIT)).isInstanceOf(ConflictProblem.class);
        assertThatThrownBy(() -> record.editedBy(editor.username(), RecordAction.IMPORT_ROWS))
                .isInstanceOf(ConflictProblem.class).hasMessage("记录当前状态为“待审核”，不能导入数据。");
    }

    @Test
    void aReturnSaysWhatToChangeAndGivesTheRecordBack() {
        RecordEntity record = submittedBy(editor);
        assertThatThrownBy(() -> record.review(Decision.REJECT, " ", reviewer))
                .isInstanceOf(InvalidInputProblem.class);
        assertThat(record.getStatus()).isEqualTo(RecordStatus.SUBMITTED);
        record.review(Decision.REJECT, "请补充实施期限", reviewer);
        assertThat(allowed(record.allowedActions(editor))).contains(RecordAction.EDIT, RecordAction.SUBMIT);
    }

    @Test
    void aPublishedRecordMayBeWithdrawnReopenedAndHaveItsValidityChanged() {
        RecordEntity record = published();
        assertThat(allowed(record.allowedActions(approver))).containsExactlyInAnyOrder(RecordAction.WITHDRAW,
                RecordAction.SET_VALIDITY);
        assertThat(allowed(record.allowedActions(editor))).containsExactlyInAnyOrder(RecordAction.REOPEN,
                RecordAction.CHECK);
        record.withdraw("项目调整", Instant.parse("2026-09-03T02:00:00Z"));
        assertThat(record.allowedActions(approver).get(RecordAction.WITHDRAW).reason()).isEqualTo("只有已发布的信息可以撤回。");
        assertThat(record.allowedActions(editor).get(RecordAction.REOPEN).refusal()).isEqualTo(Refusal.STATE);
        record.setValidity(Validity.AMENDED, LocalDate.of(2026, 9, 4));
    }

    @Test
    void aDraftCannotBeWithdrawnNorHaveItsValidityChanged() {
        RecordEntity record = draftBy(editor);
        assertThat(record.allowedActions(approver).get(RecordAction.SET_VALIDITY).reason())
                .isEqualTo("只有已发布的信息可以变更有效性。");
        assertThatThrownBy(() -> record.withdraw("理由", Instant.now())).isInstanceOf(ConflictProblem.class);
        assertThatThrownBy(record::reopen).isInstanceOf(ConflictProblem.class);
    }

    @Test
    void aNewVersionIsANewRoundInWhichTheLastRoundsDrafterMayReview() {
        RecordEntity record = publishedDraftOf(author);
        record.reopen();
        record.edit(record.content(), editor.username());
        record.submit(editor.username());
        assertThat(record.allowedActions(author).allowed(RecordAction.REVIEW)).isTrue();
        assertThat(record.allowedActions(editor).get(RecordAction.REVIEW).refusal()).isEqualTo(Refusal.ROLE);
    }
}
