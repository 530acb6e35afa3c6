package gongkai.privacy;

/** The kinds of personal data the guard looks for in free text, with the Chinese name shown to editors. */
public enum PersonalDataKind {
    ID_NUMBER("居民身份证号码", "18位，前17位为数字、末位为数字或X，校验码正确且出生日期真实有效"),
    MOBILE("手机号码", "以13至19开头的11位号码，可带+86；数字之间夹有空格、点、短横线等分隔符或排版标记时同样识别"),
    BANK_CARD("银行卡号", "16至19位数字，通过卡号校验（Luhn算法）；数字之间夹有空格、点、短横线等分隔符或排版标记时同样识别"),
    EMAIL("电子邮箱", "形如 name@example.com 的地址；以 .gov.cn 结尾的机关邮箱是办公联系方式，不作提示");

    private final String label;
    private final String recognisedBy;

    PersonalDataKind(String label, String recognisedBy) {
        this.label = label;
        this.recognisedBy = recognisedBy;
    }

    public String label() {
        return label;
    }

    /** How the guard recognises this kind, in Chinese, for the published policy. */
    public String recognisedBy() {
        return recognisedBy;
    }
}
