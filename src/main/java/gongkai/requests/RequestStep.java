package gongkai.requests;

import gongkai.shared.Role;

/**
 * A step the handling organisation's staff take on a request, with the role it needs. Whether it is allowed today is
 * decided once, by {@link RequestClock#allowedSteps}: the staff page offers what it answers, and the service refuses
 * what it does not.
 */
public enum RequestStep {
    CORRECTION(Role.EDITOR, "告知补正"),
    RECORD_CORRECTION(Role.EDITOR, "登记补正"),
    CONSULTATION(Role.EDITOR, "登记征求意见"),
    CONSULTATION_REPLY(Role.EDITOR, "登记征求意见答复"),
    EXTENSION(Role.APPROVER, "批准延长答复期限"),
    FEE(Role.APPROVER, "决定收取信息处理费"),
    FEE_PAID(Role.EDITOR, "登记缴费"),
    REPLY(Role.APPROVER, "答复"),
    TRANSFER(Role.APPROVER, "转送"),
    REISSUE_CODE(Role.EDITOR, "重新发放查询码"),
    DELIVERY(Role.EDITOR, "登记送达"),
    PROPOSAL(Role.EDITOR, "建议主动公开"),
    APPEAL(Role.EDITOR, "登记行政复议、行政诉讼情况");

    private final Role role;
    private final String action;

    RequestStep(Role role, String action) {
        this.role = role;
        this.action = action;
    }

    /** The role of the handling organisation's staff that takes this step. */
    public Role role() {
        return role;
    }

    /** The step as a refusal names it: 只有受理机关的信息员可以{action}。 */
    public String action() {
        return action;
    }
}
