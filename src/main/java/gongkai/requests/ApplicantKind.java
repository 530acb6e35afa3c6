package gongkai.requests;

import com.fasterxml.jackson.annotation.JsonCreator;

import gongkai.shared.Codes;

/**
 * 申请人情况: who asks, as the columns of table 三 of the annual report divide applicants — a natural person, or a legal
 * person or other organisation of one of five kinds.
 */
public enum ApplicantKind {
    NATURAL_PERSON("自然人"),
    COMMERCIAL("商业企业"),
    RESEARCH("科研机构"),
    PUBLIC_WELFARE("社会公益组织"),
    LEGAL_SERVICE("法律服务机构"),
    OTHER("其他");

    private final String label;

    ApplicantKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isPerson() {
        return this == NATURAL_PERSON;
    }

    /** The label as a form or letter names an organisation's kind, e.g. 法人或其他组织（商业企业）. */
    public String description() {
        return isPerson() ? label : "法人或其他组织（" + label + "）";
    }

    /**
     * Parses a code from a form, JSON or YAML; null for anything unknown, so that a bad value is named like a missing
     * one (see {@link NewRequest}).
     */
    @JsonCreator
    public static ApplicantKind parse(String code) {
        return Codes.parse(ApplicantKind.class, code);
    }
}
