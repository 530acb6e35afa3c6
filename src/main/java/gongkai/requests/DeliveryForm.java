package gongkai.requests;

import com.fasterxml.jackson.annotation.JsonCreator;

import gongkai.shared.Codes;

/** 获取信息的方式: how the applicant wants the answer and the information (art. 29, art. 40). */
public enum DeliveryForm {
    ONLINE("网上获取（在本平台凭查询码查看和下载）"),
    EMAIL("电子邮件"),
    POST("邮寄"),
    PICKUP("当面领取");

    private final String label;

    DeliveryForm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Parses a code from a form, JSON or YAML; null for anything unknown, so that a bad value is named like a missing
     * one (see {@link NewRequest}).
     */
    @JsonCreator
    public static DeliveryForm parse(String code) {
        return Codes.parse(DeliveryForm.class, code);
    }
}
