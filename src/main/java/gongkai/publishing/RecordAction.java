package gongkai.publishing;

import gongkai.shared.Role;

/**
 * What can be done to a record, each by one role of the record's organisation. The record decides, for an actor,
 * which of these are allowed now ({@link RecordActions}); the services act on that answer and the pages offer a
 * button from it.
 */
public enum RecordAction {
    /** Change the working copy (修改): its content, its masking. */
    EDIT(Role.EDITOR, "修改", "修改"),
    /** Add an attachment to the working copy. */
    ADD_ATTACHMENT(Role.EDITOR, "修改", "添加附件"),
    /** Remove an attachment from the working copy. */
    REMOVE_ATTACHMENT(Role.EDITOR, "修改", "删除附件"),
    /** Replace the structured rows from a file. */
    IMPORT_ROWS(Role.EDITOR, "修改", "导入数据"),
    /** See what would stop a submission (提交前检查); allowed in any state. */
    CHECK(Role.EDITOR, "查看", "查看"),
    /** Send to review (提交审核). */
    SUBMIT(Role.EDITOR, "提交", "提交"),
    /** The first check (审核). */
    REVIEW(Role.REVIEWER, "审核", "审核"),
    /** Approval (审批), which publishes. */
    APPROVE(Role.APPROVER, "审批", "审批"),
    /** Withdraw a published record (撤回). */
    WITHDRAW(Role.APPROVER, "撤回", "撤回"),
    /** Open a published record for a new version (修订). */
    REOPEN(Role.EDITOR, "修订", "修订"),
    /** Change 有效性 of a published record. */
    SET_VALIDITY(Role.APPROVER, "变更有效性", "变更有效性");

    private final Role role;
    private final String verb;
    private final String stateVerb;

    RecordAction(Role role, String verb, String stateVerb) {
        this.role = role;
        this.verb = verb;
        this.stateVerb = stateVerb;
    }

    /** The role that takes this action, in the record's own organisation. */
    public Role role() {
        return role;
    }

    /** The verb in "只有本单位的…可以{verb}这条信息". */
    public String verb() {
        return verb;
    }

    /** The verb in "记录当前状态为…，不能{verb}": changes beside the content name themselves. */
    public String stateVerb() {
        return stateVerb;
    }
}
