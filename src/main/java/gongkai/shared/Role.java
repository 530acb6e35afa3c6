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
    AUDITOR("督查");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The Chinese name shown to users. */
    public String label() {
        return label;
    }

    /** An unmodifiable copy in the order above, so that every answer lists a person's roles the same way. */
    public static Set<Role> inOrder(Collection<Role> roles) {
        return Collections.unmodifiableSet(roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
    }
}
