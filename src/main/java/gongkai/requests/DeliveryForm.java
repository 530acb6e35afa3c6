package gongkai.requests;

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

    public static DeliveryForm parse(String code) {
        return Codes.parse(DeliveryForm.class, code);
    }
}
