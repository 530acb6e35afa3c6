package gongkai.requests.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

import gongkai.notify.NoticePrinter;
import gongkai.notify.PrintableLetter;
import gongkai.org.Organisations;
import gongkai.requests.DeliveryForm;
import gongkai.requests.ReceiptChannel;
import gongkai.requests.RequestEvent;
import gongkai.requests.RequestOutcome;

/**
 * The reply letter (政府信息公开申请答复告知书): what was asked and when, each step that moved the period, the decision
 * with the articles it rests on, the organisation's own text, how it is delivered, and the remedies — administrative
 * reconsideration and litigation. The wording is fixed when the answer is given and stored, so the letter always
 * reads as it was sent; the PDF is printed from it on demand.
 */
@Component
public class ReplyLetters {

    static final String TITLE = "政府信息公开申请答复告知书";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final String REGULATION = "《中华人民共和国政府信息公开条例》";

    private final Organisations organisations;
    private final NoticePrinter printer;
    private final RequestsProperties properties;

    ReplyLetters(Organisations organisations, NoticePrinter printer, RequestsProperties properties) {
        this.organisations = organisations;
        this.printer = printer;
        this.properties = properties;
    }

    /** What the answer says besides its outcome. */
    public record Answer(RequestOutcome outcome, String text, String responsibleBody,
            String responsibleContact, String transferNote) {
    }

    /** The letter's text: the salutation on the first line, then one paragraph a line. */
    public String compose(InformationRequestEntity r, List<RequestEvent> history, Answer a) {
        List<String> lines = new ArrayList<>();
        lines.add(r.applicant().name() + "：");
        String from = r.getChannel() == ReceiptChannel.TRANSFER ? "经转送" : "";
        lines.add("本机关于" + day(r.getReceivedOn()) + from + "收到您提出的政府信息公开申请（申请编号：" + r.getTrackingNo()
                + "），申请获取：“" + r.getDescription() + "”。");
        for (RequestEvent e : history) {
            String step = switch (e.kind()) {
                case CORRECTED -> "本机关告知您补正申请后，于" + day(e.on()) + "收到您补正后的申请，答复期限自该日起重新计算。";
                case EXTENDED -> "经本机关政府信息公开工作机构负责人同意，答复期限延长" + e.days() + "个工作日，已于" + day(e.on())
                        + "告知您。";
                case CONSULTATION_SENT -> "本机关于" + day(e.on()) + "书面征求意见，征求意见期间不计算在答复期限内（条例第三十二条、"
                        + "第三十三条）。";
                case FEE_PAID -> "您已于" + day(e.on()) + "缴纳信息处理费" + (r.getFeeAmount() == null ? ""
                        : r.getFeeAmount().toPlainString() + "元") + "。";
                default -> null;
            };
            if (step != null) {
                lines.add(step);
            }
        }
        lines.add(decision(a));
        if (a.text() != null && !a.text().isBlank()) {
            Arrays.stream(a.text().strip().split("\\R+")).map(String::strip).filter(p -> !p.isEmpty())
                    .forEach(lines::add);
        }
        if (a.transferNote() != null) {
            lines.add(a.transferNote());
        }
        lines.add(r.getPreferredForm() == DeliveryForm.ONLINE
                ? "您可凭申请编号和查询码在本平台查看、下载本告知书。"
                : "本告知书按您选择的获取方式（" + r.getPreferredForm().label() + "）送达，您也可凭申请编号和查询码在本平台查看、下载。");
        RequestsProperties.Remedies remedies = properties.remedies();
        lines.add("如对本答复不服，可以自收到本告知书之日起" + remedies.reconsiderationDays() + "日内向"
                + remedies.reconsiderationBodyFor(r.getOrgCode()) + "申请行政复议，或者自收到本告知书之日起"
                + remedies.litigationMonths() + "个月内依法向人民法院提起行政诉讼。");
        lines.add("特此告知。");
        return String.join("\n", lines.stream().map(l -> l.replace('\n', ' ')).toList());
    }

    /** The stored letter as a PDF. */
    public byte[] pdf(InformationRequestEntity r) {
        List<String> lines = Arrays.asList(r.getReplyLetter().split("\n"));
        String sender = organisations.nameOn(r.getOrgCode(), r.getAnsweredOn());
        return printer.pdf(new PrintableLetter(TITLE, "申请编号：" + r.getTrackingNo(), lines.get(0),
                lines.subList(1, lines.size()), sender, r.getAnsweredOn(), r.isDemo()));
    }

    private static String decision(Answer a) {
        RequestOutcome o = a.outcome();
        if (o == RequestOutcome.NOT_HELD && a.responsibleBody() != null) {
            return "经审查，您申请获取的政府信息不属于本机关负责公开。根据" + REGULATION + "第三十六条第（五）项的规定，该政府信息由"
                    + a.responsibleBody() + "负责公开" + (a.responsibleContact() == null ? "" : "，联系方式："
                    + a.responsibleContact()) + "。";
        }
        if (o.articles().isEmpty()) {
            return "经审查，本机关对您的申请作如下处理：";
        }
        return o.decision() + "依据：" + REGULATION + o.articles() + "。";
    }

    static String day(LocalDate date) {
        return DAY.format(date);
    }
}
