package gongkai.reporting.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import gongkai.catalog.Audience;
import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogDomain;
import gongkai.catalog.CatalogItem;
import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.reporting.Guide;
import gongkai.reporting.GuideText;
import gongkai.requests.DeliveryForm;
import gongkai.requests.InformationProcessingFee;
import gongkai.requests.RequestClock;
import gongkai.requests.Remedies;
import gongkai.shared.GongkaiProperties;

/**
 * What the platform writes of a 政府信息公开指南: the narrative a body starts from (its catalogue items, the channels
 * they are published through, how to ask), and the parts no body writes — the request procedure and the fees with
 * the statutory figures of the requests module, and the remedies under 条例 第五十一条. A public institution or social
 * organisation is not an administrative body: its guide names no request procedure, fee or appeal, and sends
 * complaints to its regulator.
 */
@Component
public class GuideWriter {

    static final String REGULATION = "《中华人民共和国政府信息公开条例》";

    private final Catalog catalog;
    private final Organisations organisations;
    private final Remedies remedies;
    private final MessageSource messages;
    private final GongkaiProperties properties;

    GuideWriter(Catalog catalog, Organisations organisations, Remedies remedies, MessageSource messages,
            GongkaiProperties properties) {
        this.catalog = catalog;
        this.organisations = organisations;
        this.remedies = remedies;
        this.messages = messages;
        this.properties = properties;
    }

    /** The sections with their titles, holding the given text. */
    public List<Guide.Section> sections(GuideText text) {
        return List.of(new Guide.Section("classification", "一、信息的分类与编排", text.classification()),
                new Guide.Section("proactive", "二、主动公开信息的获取方式", text.proactive()),
                new Guide.Section("requests", "三、依申请公开", text.requests()));
    }

    /** The narrative generated from the organisation's data and the catalogue. */
    public GuideText generated(Organisation org) {
        return new GuideText(classification(org), proactive(org), requests(org));
    }

    private String classification(Organisation org) {
        String self = self(org);
        List<String> paragraphs = new ArrayList<>();
        List<CatalogItem> items = catalog.itemsOwnedBy(org);
        if (items.isEmpty()) {
            paragraphs.add(self + "目前在本平台没有负责公开的目录事项。");
            return String.join("\n\n", paragraphs);
        }
        paragraphs.add(self + "主动公开的" + info(org) + "，按照本平台的公开目录分领域、分事项编排。每条信息标明索引号、发布机构、"
                + "成文日期、发布日期、主题分类和所属事项；索引号由发布机构代码、年份和顺序号组成，长期不变，可用于引用和查询。");
        paragraphs.add(self + "负责公开的事项如下：");
        Set<String> owned = items.stream().map(CatalogItem::domainCode).collect(Collectors.toSet());
        // The plan's seven public-welfare fields first, as residents know them; then the rest in catalogue order.
        catalog.domains().stream().filter(d -> owned.contains(d.code()))
                .sorted(Comparator.comparing((CatalogDomain d) -> !d.planField()))
                .forEach(d -> paragraphs.add(d.name() + "：" + items.stream()
                        .filter(i -> i.domainCode().equals(d.code())).map(CatalogItem::name)
                        .collect(Collectors.joining("、")) + "。"));
        List<String> targeted = items.stream().filter(i -> i.audience() == Audience.TARGETED).map(CatalogItem::name)
                .toList();
        if (!targeted.isEmpty()) {
            paragraphs.add("其中，" + String.join("、", targeted) + "涉及特定区域、特定群体，仅向所涉区域的居民和特定群体公开，"
                    + "居民在本平台注册并经确认后可以查看。");
        }
        return String.join("\n\n", paragraphs);
    }

    private String proactive(Organisation org) {
        String self = self(org);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(org.isInstitution() ? self + "主动公开的信息在" + siteName() + "（以下简称本平台）公开。"
                : self + "主动公开的政府信息，自形成或者变更之日起20个工作日内在" + siteName() + "（以下简称本平台）公开；法律、法规对时限"
                        + "另有规定的，从其规定（" + REGULATION + "第二十六条）。");
        paragraphs.add("公众可以通过以下方式获取：在本平台" + self + "页面和各公开事项页面浏览；使用本平台全文检索，按机构、领域、事项和年份查找；"
                + "订阅本平台的Atom信息源，及时获知新公开的信息；通过本平台的开放数据接口获取结构化数据。");
        Set<String> channels = new LinkedHashSet<>();
        catalog.itemsOwnedBy(org).forEach(i -> channels.addAll(i.channels()));
        if (!channels.isEmpty()) {
            paragraphs.add(self + "还按各事项的规定，通过" + String.join("、", channels) + "等渠道公开相关信息。");
        }
        if (!org.isInstitution()) {
            paragraphs.add("公众也可以到国家档案馆、公共图书馆和政务服务场所设置的政府信息查阅场所查阅（" + REGULATION + "第二十五条）。");
        }
        return String.join("\n\n", paragraphs);
    }

    private String requests(Organisation org) {
        if (org.isInstitution()) {
            return "本单位依照所属行业的信息公开规定公开本单位信息。需要获取本单位未主动公开的信息的，可以通过“四、受理机构”所列方式向本单位咨询、"
                    + "提出申请。";
        }
        return String.join("\n\n",
                "公民、法人或者其他组织可以向本机关申请获取本机关未主动公开的政府信息（" + REGULATION + "第二十七条）。申请由本机关受理机构"
                        + "（见“四、受理机构”）统一受理。",
                "申请方式：通过本平台“申请公开”在线提交；以信函、传真或者电子邮件向受理机构提交书面申请；或者在办公时间到受理机构当面提交。"
                        + "采用书面形式确有困难的，可以口头提出，由受理机构代为填写申请（" + REGULATION + "第二十九条）。",
                "申请内容应当包括：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；"
                        + "申请公开的政府信息的形式要求，包括获取信息的方式、途径。",
                "收到申请的日期依照" + REGULATION + "第三十一条确定；通过本平台在线提交的，提交即获得申请编号和查询码，提交之日为收到申请之日。",
                "申请内容不明确的，本机关自收到申请之日起" + RequestClock.CORRECTION_NOTICE_WORKING_DAYS + "个工作日内一次性告知补正，"
                        + "答复期限自收到补正的申请之日起计算。本机关能够当场答复的当场答复；不能当场答复的，自收到申请之日起"
                        + RequestClock.ANSWER_WORKING_DAYS + "个工作日内答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，"
                        + "延长的期限最长不超过" + RequestClock.MAX_EXTENSION_WORKING_DAYS + "个工作日。征求第三方和其他机关意见所需时间不计算在"
                        + "答复期限内（" + REGULATION + "第三十条、第三十三条）。",
                "申请人可以凭申请编号和查询码在本平台“查询申请”查看办理进度和答复。");
    }

    /** The request procedure as the flow chart shows it; null for an institution. */
    public Guide.Procedure procedure(Organisation org) {
        if (org.isInstitution()) {
            return null;
        }
        String forms = Arrays.stream(DeliveryForm.values()).map(DeliveryForm::label).collect(Collectors.joining("、"));
        return new Guide.Procedure(List.of(
                new Guide.Step("提出申请", "在本平台在线提交，或以信函、传真、电子邮件、当面等方式向受理机构提交申请。", null),
                new Guide.Step("登记、补正", "受理机构登记申请，出具申请编号。", "申请内容不明确的，" + RequestClock.CORRECTION_NOTICE_WORKING_DAYS
                        + "个工作日内一次性告知补正，答复期限自收到补正的申请之日起计算。"),
                new Guide.Step("答复", "自收到申请之日起" + RequestClock.ANSWER_WORKING_DAYS + "个工作日内作出答复。",
                        "需要延长的，经负责人同意并告知申请人，最长延长" + RequestClock.MAX_EXTENSION_WORKING_DAYS + "个工作日。"),
                new Guide.Step("送达", "按申请人选择的方式送达：" + forms + "。", null)),
                RequestClock.ANSWER_WORKING_DAYS, RequestClock.MAX_EXTENSION_WORKING_DAYS,
                RequestClock.CORRECTION_NOTICE_WORKING_DAYS);
    }

    /** When a fee is charged; null for an institution. */
    public String fees(Organisation org) {
        if (org.isInstitution()) {
            return null;
        }
        return "依申请提供政府信息，不收取费用。但是，申请公开政府信息的数量、频次明显超过合理范围的，可以收取信息处理费（" + REGULATION
                + "第四十二条），标准依照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）：" + InformationProcessingFee.rule();
    }

    /** The remedies, in the order a resident would turn to them. */
    public List<Guide.Remedy> remedies(Organisation org) {
        if (org.isInstitution()) {
            String regulator = org.regulator() == null ? null : organisations.get(org.regulator()).name();
            return List.of(new Guide.Remedy("COMPLAINT", "投诉、举报", regulator,
                    "对本单位信息公开工作有意见的，可以向本单位反映，也可以向" + (regulator == null ? "主管部门" : "主管部门" + regulator)
                            + "投诉、举报。"));
        }
        // The city office is the competent department of the whole city; bodies under it are pointed to it by name.
        String competent = org.code().equals(properties.cityOffice()) ? null
                : organisations.find(properties.cityOffice()).map(Organisation::name).orElse(null);
        Remedies.Terms terms = remedies.of(org.code());
        return List.of(
                new Guide.Remedy("COMPLAINT", "投诉、举报", competent, "公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，"
                        + "可以向上一级行政机关或者政府信息公开工作主管部门" + (competent == null ? "" : "（" + competent + "）")
                        + "投诉、举报（" + REGULATION + "第五十一条）。"),
                new Guide.Remedy("RECONSIDERATION", "行政复议", terms.reconsiderationBody(), "也可以自知道或者应当知道该行政行为之日起"
                        + terms.reconsiderationDays() + "日内，向" + terms.reconsiderationBody() + "申请行政复议。"),
                new Guide.Remedy("LITIGATION", "行政诉讼", null, "或者自知道或者应当知道作出行政行为之日起" + terms.litigationMonths()
                        + "个月内，依法向有管辖权的人民法院提起行政诉讼。"));
    }

    /** 本机关, or 本单位 for an institution. */
    private static String self(Organisation org) {
        return org.isInstitution() ? "本单位" : "本机关";
    }

    private static String info(Organisation org) {
        return org.isInstitution() ? "信息" : "政府信息";
    }

    private String siteName() {
        return messages.getMessage("site.name", null, Locale.SIMPLIFIED_CHINESE);
    }
}
