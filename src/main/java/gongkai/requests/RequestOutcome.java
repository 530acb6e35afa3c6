package gongkai.requests;

import java.util.Arrays;
import java.util.List;

import gongkai.shared.Codes;

/**
 * 办理结果: the outcome of a request, one for each outcome row of table 三 of the national annual-report format
 * (国办公开办函〔2021〕30号; regulatory.md §2c), with the API code, the row's label verbatim, the sentence the reply letter
 * gives and the articles of the regulation (《中华人民共和国政府信息公开条例》) it rests on.
 *
 * <p>The basis of {@link #NOT_PROCESSED_CONFIRMATION} (art. 38: only information already made or held is provided) is
 * our reading; the regulation names no article for that row. {@link #OTHER} has no fixed basis: the reply's text
 * gives it.
 */
public enum RequestOutcome {
    PUBLIC(Group.PUBLIC, "予以公开",
            "经审查，您申请获取的政府信息属于公开范围，本机关予以公开。", "第三十六条第（一）项、第（二）项"),
    PARTIAL(Group.PARTIAL, "部分公开（区分处理的，只计这一情形，不计其他情形）",
            "经审查，您申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理，本机关向您提供可以公开的部分，"
                    + "并说明不予公开部分的理由。", "第三十七条、第三十六条第（二）项、第（三）项"),
    WITHHELD_STATE_SECRET(Group.WITHHELD, "1.属于国家秘密",
            "经审查，您申请获取的政府信息属于国家秘密，本机关决定不予公开。", "第十四条、第三十六条第（三）项"),
    WITHHELD_PROHIBITED_BY_LAW(Group.WITHHELD, "2.其他法律行政法规禁止公开",
            "经审查，您申请获取的政府信息属于法律、行政法规禁止公开的信息，本机关决定不予公开。", "第十四条、第三十六条第（三）项"),
    WITHHELD_SECURITY_STABILITY(Group.WITHHELD, "3.危及“三安全一稳定”",
            "经审查，您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，本机关决定不予公开。",
            "第十四条、第三十六条第（三）项"),
    WITHHELD_THIRD_PARTY(Group.WITHHELD, "4.保护第三方合法权益",
            "经审查，您申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，本机关决定不予公开。",
            "第十五条、第三十二条、第三十六条第（三）项"),
    WITHHELD_INTERNAL_AFFAIRS(Group.WITHHELD, "5.属于三类内部事务信息",
            "经审查，您申请获取的政府信息属于人事管理、后勤管理、内部工作流程等内部事务信息，本机关决定不予公开。",
            "第十六条第一款、第三十六条第（三）项"),
    WITHHELD_PROCESS_INFORMATION(Group.WITHHELD, "6.属于四类过程性信息",
            "经审查，您申请获取的政府信息属于讨论记录、过程稿、磋商信函、请示报告等过程性信息，本机关决定不予公开。",
            "第十六条第二款、第三十六条第（三）项"),
    WITHHELD_ENFORCEMENT_FILE(Group.WITHHELD, "7.属于行政执法案卷",
            "经审查，您申请获取的政府信息属于行政执法案卷信息，本机关决定不予公开。", "第十六条第二款、第三十六条第（三）项"),
    WITHHELD_ADMINISTRATIVE_QUERY(Group.WITHHELD, "8.属于行政查询事项",
            "经审查，您申请获取的信息属于工商、不动产登记资料等法律、行政法规对获取有特别规定的信息，请依照有关法律、行政法规的规定办理。",
            "第三十六条第（七）项"),
    NOT_HELD(Group.UNAVAILABLE, "1.本机关不掌握相关政府信息",
            "经检索查找，本机关未制作、获取您申请的政府信息，该政府信息不存在。", "第三十六条第（四）项"),
    NOT_AVAILABLE_NEEDS_CREATION(Group.UNAVAILABLE, "2.没有现成信息需要另行制作",
            "经审查，本机关没有您申请的现成信息，提供该信息需要对现有政府信息进行加工、分析或者另行制作，本机关不予提供。", "第三十八条"),
    NOT_AVAILABLE_STILL_UNCLEAR(Group.UNAVAILABLE, "3.补正后申请内容仍不明确",
            "您补正后的申请内容仍不明确，本机关无法确定您申请获取的政府信息，无法提供。", "第二十九条第二款、第三十条"),
    NOT_PROCESSED_COMPLAINT(Group.NOT_PROCESSED, "1.信访举报投诉类申请",
            "经审查，您以政府信息公开申请形式提出的实为信访、投诉、举报等诉求，本机关不作为政府信息公开申请处理，请通过相应渠道提出。",
            "第三十九条第一款"),
    NOT_PROCESSED_REPEATED(Group.NOT_PROCESSED, "2.重复申请",
            "经审查，您重复申请公开本机关已经答复的同一政府信息，本机关不予重复处理。", "第三十六条第（六）项"),
    NOT_PROCESSED_PUBLICATION(Group.NOT_PROCESSED, "3.要求提供公开出版物",
            "经审查，您申请获取的是政府公报、报刊、书籍等公开出版物，请通过相应渠道获取，本机关不作为政府信息公开申请处理。",
            "第三十九条第二款"),
    NOT_PROCESSED_EXCESSIVE(Group.NOT_PROCESSED, "4.无正当理由大量反复申请",
            "您申请公开政府信息的数量、频次明显超过合理范围，经要求说明理由，理由不合理，本机关不予处理。", "第三十五条"),
    NOT_PROCESSED_CONFIRMATION(Group.NOT_PROCESSED, "5.要求行政机关确认或重新出具已获取信息",
            "经审查，您要求本机关确认或者重新出具您已经获取的信息，不属于政府信息公开申请的处理范围，本机关不予处理。", "第三十八条"),
    OTHER_NO_CORRECTION(Group.OTHER, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "本机关已告知您补正申请，您未在补正期限内补正，视为放弃申请，本机关不再处理该政府信息公开申请。", "第三十条"),
    OTHER_FEE_UNPAID(Group.OTHER, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "本机关已向您发出收费通知，您未在规定期限内缴纳信息处理费，本机关不再处理该政府信息公开申请。",
            "第四十二条，《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"),
    OTHER(Group.OTHER, "3.其他", "", "");

    /** The headings of table 三 the outcome rows sit under; only （一） and （二） are rows themselves. */
    public enum Group {
        PUBLIC("（一）予以公开"),
        PARTIAL("（二）部分公开"),
        WITHHELD("（三）不予公开"),
        UNAVAILABLE("（四）无法提供"),
        NOT_PROCESSED("（五）不予处理"),
        OTHER("（六）其他处理");

        private final String label;

        Group(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Group group;
    private final String rowLabel;
    private final String decision;
    private final String articles;

    RequestOutcome(Group group, String rowLabel, String decision, String articles) {
        this.group = group;
        this.rowLabel = rowLabel;
        this.decision = decision;
        this.articles = articles;
    }

    public Group group() {
        return group;
    }

    /** The row's label in table 三, verbatim (e.g. "1.属于国家秘密"). */
    public String rowLabel() {
        return rowLabel;
    }

    /** The label that stands alone: the row with its heading, e.g. "不予公开：属于国家秘密". */
    public String label() {
        if (group == Group.PUBLIC || group == Group.PARTIAL) {
            return group.label().substring(3);
        }
        return group.label().substring(3) + "：" + rowLabel.substring(rowLabel.indexOf('.') + 1);
    }

    /** What the reply letter says the organisation decided; empty for {@link #OTHER}, whose reply text says it. */
    public String decision() {
        return decision;
    }

    /** The articles of the regulation the decision rests on; empty for {@link #OTHER}. */
    public String articles() {
        return articles;
    }

    /** Whether the information went to the applicant, in whole or in part (the art. 44 proposal needs it). */
    public boolean disclosed() {
        return this == PUBLIC || this == PARTIAL;
    }

    /** The outcomes only the clock reaches (a period that ran out); staff cannot choose them before it has. */
    public boolean lapse() {
        return this == OTHER_NO_CORRECTION || this == OTHER_FEE_UNPAID;
    }

    /** The outcomes staff may choose in a reply, in the order of the table. */
    public static List<RequestOutcome> choosable() {
        return Arrays.stream(values()).filter(o -> !o.lapse()).toList();
    }

    public static RequestOutcome parse(String code) {
        return Codes.parse(RequestOutcome.class, code);
    }
}
