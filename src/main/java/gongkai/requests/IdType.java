package gongkai.requests;

import com.fasterxml.jackson.annotation.JsonCreator;

import gongkai.shared.Codes;

/**
 * 身份证明: the document that identifies an applicant (art. 29). A natural person gives an identity document; a legal
 * person or other organisation gives its unified social credit code.
 */
public enum IdType {
    RESIDENT_ID("居民身份证"),
    PASSPORT("护照"),
    HK_MACAO_PERMIT("港澳居民来往内地通行证"),
    TAIWAN_PERMIT("台湾居民来往大陆通行证"),
    FOREIGN_PERMANENT_RESIDENCE("外国人永久居留身份证"),
    OTHER("其他身份证件"),
    CREDIT_CODE("统一社会信用代码");

    private final String label;

    IdType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The documents a natural person may give. */
    public static IdType[] personal() {
        return new IdType[] {RESIDENT_ID, PASSPORT, HK_MACAO_PERMIT, TAIWAN_PERMIT, FOREIGN_PERMANENT_RESIDENCE, OTHER};
    }

    /**
     * Parses a code from a form, JSON or YAML; null for anything unknown, so that a bad value is named like a missing
     * one (see {@link NewRequest}).
     */
    @JsonCreator
    public static IdType parse(String code) {
        return Codes.parse(IdType.class, code);
    }
}
