package gongkai.requests;

import gongkai.shared.Codes;

/**
 * How a request reached the organisation, and which date is its date of receipt under art. 31 of the regulation
 * (and 国办公开办函〔2015〕207号 for e-mail): the day it was handed in, the day a signed-for letter was signed for, or
 * the day the office and the applicant confirmed an ordinary letter or a fax.
 */
public enum ReceiptChannel {
    /** This platform's form or API: received when submitted, confirmed at once by the tracking number. */
    ONLINE("网上申请（本平台）", "提交日期", false),
    /** Handed in at the office (当面提交). */
    IN_PERSON("当面提交", "提交日期", false),
    /** Said aloud because writing is genuinely hard; the office filled in the form (art. 29). */
    ORAL("口头提出（工作人员代为填写）", "提出日期", false),
    /** A letter the office signed for (需签收的邮件). */
    POST_SIGNED("邮寄（需签收）", "签收日期", false),
    /** An ordinary letter: the office must confirm with the applicant; the confirmation date counts. */
    POST_ORDINARY("邮寄（平信）", "收信日期", true),
    /** Fax: the date both sides confirm counts. */
    FAX("传真", "收到传真日期", true),
    /** E-mail to the published mailbox: the day the mail system received it (207号). */
    EMAIL("电子邮件", "邮件系统收到日期", false),
    /** Sent on by another organisation of the platform (转送). */
    TRANSFER("由其他机关转送", "转送日期", false);

    private final String label;
    private final String arrivalLabel;
    private final boolean needsConfirmation;

    ReceiptChannel(String label, String arrivalLabel, boolean needsConfirmation) {
        this.label = label;
        this.arrivalLabel = arrivalLabel;
        this.needsConfirmation = needsConfirmation;
    }

    public String label() {
        return label;
    }

    /** What the arrival date means for this channel, e.g. 签收日期. */
    public String arrivalLabel() {
        return arrivalLabel;
    }

    /** Whether the date of receipt is the day the office confirmed the request with the applicant. */
    public boolean needsConfirmation() {
        return needsConfirmation;
    }

    /** The channels staff enter requests for (the platform's own and transfers are recorded by the platform). */
    public static ReceiptChannel[] staffEntered() {
        return new ReceiptChannel[] {IN_PERSON, ORAL, POST_SIGNED, POST_ORDINARY, FAX, EMAIL};
    }

    public static ReceiptChannel parse(String code) {
        return Codes.parse(ReceiptChannel.class, code);
    }
}
