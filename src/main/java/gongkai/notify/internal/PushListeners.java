package gongkai.notify.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.util.UriUtils;

import gongkai.catalog.Audience;
import gongkai.emergency.Warning;
import gongkai.emergency.WarningIssued;
import gongkai.emergency.WarningMessageType;
import gongkai.emergency.Warnings;
import gongkai.notify.ChannelKind;
import gongkai.notify.internal.channel.Channels;
import gongkai.notify.internal.channel.MessageKinds;
import gongkai.privacy.Masking;
import gongkai.publishing.RecordPublished;
import gongkai.publishing.RecordRevised;
import gongkai.publishing.RecordView;
import gongkai.publishing.RecordWithdrawn;
import gongkai.publishing.Records;
import gongkai.region.Regions;
import gongkai.shared.CaseContacts;
import gongkai.shared.CaseProgressed;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.PublicAddress;

/**
 * What is pushed, from the events that say it happened: each publication, revision and withdrawal of a public record
 * to the subscriptions it matches; a targeted record by SMS, with its access code, to the confirmed residents of its
 * region; every warning message on the priority lane; an applicant's or complainant's step to the contact they gave.
 * Each listener runs after the change committed, in a transaction of its own, and the event publication registry
 * delivers again what did not complete; the message key makes a second delivery add nothing.
 */
@Component
class PushListeners {

    private static final Logger log = LoggerFactory.getLogger(PushListeners.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    static final String SIGNATURE = "宜春市政府信息公开平台";

    private final Outbox outbox;
    private final Records records;
    private final Warnings warnings;
    private final Map<String, CaseContacts> caseContacts = new java.util.HashMap<>();
    private final Regions regions;
    private final RegionScope scope;
    private final PublicAddress site;
    private final Channels channels;

    PushListeners(Outbox outbox, Records records, Warnings warnings, List<CaseContacts> caseContacts, Regions regions, RegionScope scope, PublicAddress site,
            Channels channels) {
        this.outbox = outbox;
        this.records = records;
        this.warnings = warnings;
        caseContacts.forEach(c -> this.caseContacts.put(c.caseType(), c));
        this.regions = regions;
        this.scope = scope;
        this.site = site;
        this.channels = channels;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(RecordPublished e) {
        record(e.indexNo(), e.version(), e.audience(), "PUBLISH", MessageKinds.RECORD_PUBLISHED, null);
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(RecordRevised e) {
        record(e.indexNo(), e.version(), e.audience(), "REVISE", MessageKinds.RECORD_REVISED, null);
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(RecordWithdrawn e) {
        if (Audience.PUBLIC.code().equals(e.audience())) {
            record(e.indexNo(), e.version(), e.audience(), "WITHDRAW", MessageKinds.RECORD_WITHDRAWN, e.reason());
        }
    }

    private void record(String indexNo, int version, String audience, String action, String kind, String reason) {
        RecordView v = records.forPush(indexNo, version);
        String url = site.link("/records/" + UriUtils.encodePathSegment(indexNo, StandardCharsets.UTF_8));
        String date = DAY.format(LocalDate.ofInstant(v.publishedAt(), PlatformConfiguration.CHINA));
        if (Audience.TARGETED.code().equals(audience)) {
            if (v.accessCode() == null || "WITHDRAW".equals(action)) {
                return;
            }
            String link = url + "?code=" + UriUtils.encodeQueryParam(v.accessCode(), StandardCharsets.UTF_8);
            String group = v.targetGroup() == null || v.targetGroup().isBlank() ? "" : v.targetGroup();
            Map<String, String> fields = fields("title", v.title(), "org", v.publisher(), "region", v.regionName(),
                    "code", v.accessCode(), "url", link);
            String text = v.publisher() + "向" + v.regionName() + group + "定向公开了《" + v.title() + "》"
                    + ("REVISE".equals(action) ? "（已更新）" : "") + "。查阅码：" + v.accessCode() + "，凭码打开 " + link
                    + " 查看。";
            outbox.post(new MessageDraft("targeted:" + indexNo + ":" + version, MessageKinds.TARGETED,
                    MessageDraft.NORMAL, MessageDraft.Audience.RESIDENTS, v.org(), v.domain(), v.catalogItem(),
                    regions.selfAndDescendants(v.region()), "【定向公开】" + v.title(), text, link, fields));
            return;
        }
        String verb = switch (action) {
            case "PUBLISH" -> "发布";
            case "REVISE" -> "更新";
            default -> "撤回";
        };
        Map<String, String> fields = fields("title", v.title(), "org", v.publisher(), "date", date, "url", url);
        StringBuilder text = new StringBuilder(v.publisher()).append("于").append(date).append(verb).append("《")
                .append(v.title()).append("》（").append(v.domainName()).append("，").append(v.regionName()).append("）。\n");
        if (reason != null) {
            fields.put("reason", reason);
            text.append("撤回原因：").append(reason).append('\n');
        } else if (v.summary() != null && !v.summary().isBlank()) {
            text.append(Outbox.cut(v.summary().strip(), 200)).append('\n');
        }
        text.append("查看：").append(url).append("\n—— ").append(SIGNATURE);
        outbox.post(new MessageDraft("record:" + indexNo + ":" + version + ":" + action, kind, MessageDraft.NORMAL,
                MessageDraft.Audience.SUBSCRIBERS, v.org(), v.domain(), v.catalogItem(), scope.concerned(List.of(v.region())),
                "【" + verb + "】" + v.title(), text.toString(), url, fields));
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(WarningIssued e) {
        Warning w = warnings.get(e.id());
        String url = site.link(w.path());
        boolean lifted = w.msgType() == WarningMessageType.CANCEL;
        String title = (lifted ? "【解除】" : w.msgType() == WarningMessageType.UPDATE ? "【更新】" : "【预警】")
                + w.hazard() + w.level().colour() + "预警";
        StringBuilder text = new StringBuilder(w.issuerName()).append(lifted ? "解除" : "发布").append(w.hazard())
                .append(w.level().colour()).append("预警：").append(w.headline()).append("。影响地区：").append(w.areaNames())
                .append("。");
        if (lifted && w.reason() != null) {
            text.append("解除原因：").append(w.reason()).append("。");
        } else if (!lifted) {
            text.append("有效期至").append(w.expiresShown()).append("。");
            if (w.instruction() != null && !w.instruction().isBlank()) {
                text.append(Outbox.cut(w.instruction().strip(), 200));
            }
        }
        text.append("\n详情：").append(url).append("\n—— ").append(SIGNATURE);
        outbox.post(new MessageDraft("warning:" + w.id(), MessageKinds.WARNING, MessageDraft.PRIORITY,
                MessageDraft.Audience.SUBSCRIBERS, null, null, null,
                scope.concerned(w.areas().stream().map(Warning.Area::code).toList()), title, text.toString(), url,
                fields("headline", w.headline(), "level", w.level().colour() + "预警", "areas", w.areaNames(), "url", url)));
    }

    /**
     * A step of a request or complaint, to the contact its person gave: e-mail first when they asked to be answered
     * by e-mail or gave no mobile, else SMS. The text names the case number and the step, never the person.
     */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(CaseProgressed e) {
        CaseContacts source = caseContacts.get(e.caseType());
        Optional<CaseContacts.Contact> contact = source == null ? Optional.empty()
                : source.contactForNotice(e.trackingNo());
        if (contact.isEmpty()) {
            return;
        }
        CaseContacts.Contact c = contact.get();
        String phone = c.phone() == null ? null : c.phone().replace(" ", "").replace("-", "");
        boolean mailFirst = c.email() != null && (c.emailPreferred() || phone == null || !phone.matches("1[3-9]\\d{9}"));
        boolean request = "request".equals(e.caseType());
        String what = request ? "政府信息公开申请" : "投诉举报";
        String url = site.link(request ? "/requests/track" : "/complaints/track");
        String text = "您的" + what + "（编号" + e.trackingNo() + "）有新进展：" + e.label() + "。请凭编号和查询码在 " + url
                + " 查看详情。\n—— " + SIGNATURE;
        notice(e.caseType() + ":" + e.trackingNo() + ":" + e.noticeKey(),
                request ? MessageKinds.REQUEST_STEP : MessageKinds.COMPLAINT_STEP, e.org(),
                "您的" + what + "有新进展：" + e.label(), text, url,
                fields("trackingNo", e.trackingNo(), "step", e.label(), "url", url),
                mailFirst ? c.email() : phone, mailFirst ? phone : c.email());
    }

    /** A notice to one person, on the first of their contacts whose channel is configured; none when neither is. */
    private void notice(String key, String kind, String org, String subject, String text, String url,
            Map<String, String> fields, String first, String second) {
        for (String address : new String[] {first, second}) {
            if (address == null) {
                continue;
            }
            ChannelKind channel = address.contains("@") ? ChannelKind.EMAIL : ChannelKind.SMS;
            if (channel == ChannelKind.SMS && !address.matches("1[3-9]\\d{9}")) {
                continue;
            }
            if (channels.configured(channel).isPresent()) {
                outbox.direct(new MessageDraft(key, kind, MessageDraft.NORMAL, MessageDraft.Audience.DIRECT, org, null,
                        null, List.of(), subject, text, url, fields), channel, address,
                        channel == ChannelKind.EMAIL ? Masking.email(address) : Masking.mobile(address), null);
                return;
            }
        }
        log.debug("No configured channel for notice {}", key);
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return map;
    }
}
