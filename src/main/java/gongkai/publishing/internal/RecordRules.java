package gongkai.publishing.internal;

import gongkai.publishing.RecordAction;
import gongkai.publishing.RecordStatus;
import gongkai.publishing.StepPermission;
import gongkai.publishing.StepPermission.Refusal;
import gongkai.shared.Actor;

/**
 * The rule for each {@link RecordAction} on a record, beside the record: the role in the record's organisation
 * first (403), then the state (409), then separation of duties (三审: whoever changed or submitted the working copy
 * in this round may neither review nor approve it, and the reviewer may not approve it; 403).
 */
final class RecordRules {

    private RecordRules() {
    }

    static StepPermission decide(RecordEntity record, RecordAction action, Actor actor) {
        if (!actor.canActFor(record.getOrgCode(), action.role())) {
            return StepPermission.refused(Refusal.ROLE,
                    "只有本单位的" + action.role().label() + "可以" + action.verb() + "这条信息。");
        }
        StepPermission state = stateAllows(record, action);
        return state.granted() ? duties(record, action, actor.username()) : state;
    }

    static StepPermission stateAllows(RecordEntity record, RecordAction action) {
        RecordStatus status = record.getStatus();
        boolean allowed = switch (action) {
            case EDIT, ADD_ATTACHMENT, REMOVE_ATTACHMENT, IMPORT_ROWS, SUBMIT -> status.editable();
            case CHECK -> true;
            case REVIEW -> status == RecordStatus.SUBMITTED;
            case APPROVE -> status == RecordStatus.REVIEWED;
            case WITHDRAW -> record.getPublishedVersion() > 0 && status != RecordStatus.WITHDRAWN;
            case REOPEN -> status == RecordStatus.PUBLISHED;
            case SET_VALIDITY -> record.getPublishedVersion() > 0;
        };
        if (allowed) {
            return StepPermission.GRANTED;
        }
        return StepPermission.refused(Refusal.STATE, switch (action) {
            case WITHDRAW -> "只有已发布的信息可以撤回。";
            case SET_VALIDITY -> "只有已发布的信息可以变更有效性。";
            default -> "记录当前状态为“" + status.label() + "”，不能" + action.stateVerb() + "。";
        });
    }

    private static StepPermission duties(RecordEntity record, RecordAction action, String username) {
        boolean reviewOrApproval = action == RecordAction.REVIEW || action == RecordAction.APPROVE;
        if (reviewOrApproval && record.drafters().contains(username)) {
            return StepPermission.refused(Refusal.DUTIES, "您参与了这条信息本轮的拟稿（录入、修改、导入、附件、遮蔽或提交），不能"
                    + action.verb() + "它（三审须由拟稿、审核、审批三个不同的人完成）。");
        }
        if (action == RecordAction.APPROVE && username.equals(record.getReviewedBy())) {
            return StepPermission.refused(Refusal.DUTIES,
                    "您已审核这条信息，不能再审批它（三审须由拟稿、审核、审批三个不同的人完成）。");
        }
        return StepPermission.GRANTED;
    }
}
