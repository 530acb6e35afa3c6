package gongkai.privacy;

import java.util.List;

/**
 * The masking policy as the platform publishes it to administrators and on the API. Each example's published form
 * is computed by {@link Masking} itself, so the policy cannot say one thing while the platform does another.
 *
 * <p>The reasons rest on the facts gathered for the platform: 国办发〔2017〕47号 forbids government websites to leak
 * personal privacy; 国发〔2012〕45号 and the catalogue require lists of assistance recipients to be published; the
 * Beijing 低保 lists show the holder's name, household size, monthly amount and district and street, but no home
 * address, ID number or income; no national rule says which digits of an ID number may be shown, so none is.
 */
public final class MaskingPolicy {

    private static final String PRIVACY_RULE = "国办发〔2017〕47号《政府网站发展指引》要求进行保密审查，不得泄露个人隐私";

    private static final List<MaskingRule> RULES = List.of(
            new MaskingRule("居民身份证号码", "一律不公开，任何一位数字都不显示；提交审核前系统检查公众能看到的每一处文字（标题、概述、正文、数据、关键词、文号、特定群体，附件的文件名、说明和文字），并按人阅读的样子识别：数字之间夹有空格、点、短横线等分隔符，排版标记或不可见字符，或写成全角字符的，同样视为号码；发现有效号码须先处理",
                    "11010519491231002X", Masking.idNumber("11010519491231002X"),
                    PRIVACY_RULE + "；国家没有规定身份证号码可显示哪几位，北京市低保名单公示也不显示身份证号，故一律不公开。"),
            new MaskingRule("姓名（两个字）", "保留姓，名用*代替", "张三", Masking.name("张三"),
                    "公开目录要求公开救助、帮扶对象名单（国发〔2012〕45号要求在居住地长期公示低保家庭的有关情况），姓名须可供核对；"
                            + PRIVACY_RULE + "，故面向社会的输出遮蔽部分字符。"),
            new MaskingRule("姓名（三个字）", "保留首字和末字，中间用*代替", "张三丰", Masking.name("张三丰"),
                    "同上：名单可供核对，又不完整暴露个人姓名。"),
            new MaskingRule("姓名（四个字及以上）", "保留首字和末字，其余每个字用一个*代替", "欧阳娜娜", Masking.name("欧阳娜娜"),
                    "同上。"),
            new MaskingRule("手机号码", "保留前三位和后四位，中间四位用*代替", "13907951234", Masking.mobile("13907951234"),
                    PRIVACY_RULE + "；机关单位的办公固定电话不是个人信息，照常公开，不作提示。"),
            new MaskingRule("个人固定电话（标为个人信息的电话字段）", "保留区号和后四位", "0795-3201234", Masking.phone("0795-3201234"),
                    PRIVACY_RULE + "。"),
            new MaskingRule("银行卡号", "只保留后四位，位数也不显示", "6222021234567890128", Masking.bankCard("6222021234567890128"),
                    PRIVACY_RULE + "；卡号与公开事项无关，保留后四位便于本人核对。"),
            new MaskingRule("电子邮箱", "保留首字符和@后的域名；以 .gov.cn 结尾的机关邮箱照常公开", "zhangsan@example.com",
                    Masking.email("zhangsan@example.com"), PRIVACY_RULE + "。"),
            new MaskingRule("其他个人信息字段（如家庭住址）", "保留首字，其余用*代替", "袁州区某路88号", Masking.other("袁州区某路88号"),
                    "北京市低保名单公示不显示家庭住址、身份证号和财产收入；与核对无关的个人信息不公开。"),
            new MaskingRule("家庭人口、保障金额、所在县（市、区）和乡镇（街道）", "不属于个人信息字段，原样公开", "3人", "3人",
                    "北京市低保名单公示显示持证人姓名、保障人口、家庭月保障金额、所在区县和街道名称，这些信息公开便于社会监督。"));

    private MaskingPolicy() {
    }

    /** The rules in the order an administrator reads them: ID numbers first, then names, contacts, the rest. */
    public static List<MaskingRule> rules() {
        return RULES;
    }
}
