package gongkai.assessment;

import gongkai.shared.Role;

/** What can be done to a supervision finding, each by one role: the body answers, the auditor decides. */
public enum FindingAction {
    /** 提交整改情况: the APPROVER of the finding's organisation. */
    RECTIFY(Role.APPROVER, "提交整改情况"),
    /** 确认销号: the AUDITOR accepts the rectification. */
    ACCEPT(Role.AUDITOR, "确认销号"),
    /** 退回重新整改: the AUDITOR reopens it, with a reason. */
    REOPEN(Role.AUDITOR, "退回重新整改");

    private final Role role;
    private final String label;

    FindingAction(Role role, String label) {
        this.role = role;
        this.label = label;
    }

    public Role role() {
        return role;
    }

    public String label() {
        return label;
    }
}
