package gongkai.shared;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The roles of API.md. A user holds one or more, always within one organisation. */
public enum Role {
    /** 信息员: drafts records for their organisation. */
    EDITOR("信息员"),
    /** 审核员: checks drafts (the second of the three reviews). */
    REVIEWER("审核员"),
    /** 分管领导/审批: approves, publishes and withdraws. */
    APPROVER("分管领导（审批）"),
    /** 管理员: users, organisation details, and for the city office the catalogue and reference data. */
    ADMIN("管理员"),
    /** 督查: reads everything, changes nothing but assessments. */
    AUDITOR("督查"),
    /**
     * 社会监督员: a member of the public appointed by the city office for a term, who files findings on disclosure and
     * reads the answers to their own. Not staff of any body: their account is kept in the city office, but they act
     * for no organisation. Appointed only through the feedback module, never combined with another role.
     */
    SUPERVISOR("社会监督员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The Chinese name shown to users. */
    public String label() {
        return label;
    }

    /** The roles of a body's staff, every one but {@link #SUPERVISOR}: what the first administrator holds. */
    public static Set<Role> staff() {
        return Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(SUPERVISOR)));
    }

    /** An unmodifiable copy in the order above, so that every answer lists a person's roles the same way. */
    public static Set<Role> inOrder(Collection<Role> roles) {
        return Collections.unmodifiableSet(roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
    }
}
