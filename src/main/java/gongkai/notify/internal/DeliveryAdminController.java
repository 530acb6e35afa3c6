package gongkai.notify.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import gongkai.notify.ChannelKind;
import gongkai.notify.DeliveryLog;
import gongkai.notify.Subscriptions;
import gongkai.notify.internal.channel.MessageKinds;
import gongkai.org.Organisations;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.PlatformConfiguration;

/**
 * 推送记录 in the back office ({@code /admin/notify}): how many of an organisation's messages were reached, are
 * waiting, failed or were dropped, by channel, over a period (the last 30 days by default, Beijing days), and its
 * newest deliveries. The city office's ADMIN sees every organisation, and the subscriptions by channel and state with
 * the newest of them. Addresses are shown masked only.
 */
@Controller
class DeliveryAdminController {

    static final int PERIOD_DAYS = 30;
    static final int MAX_DAYS = 366;
    static final int LATEST = 50;

    private static final Map<String, String> STATUS = Map.of("QUEUED", "排队中", "SENDING", "发送中", "HELD", "待汇总",
            "SENT", "已送达", "DIGESTED", "已并入汇总", "FAILED", "失败", "DROPPED", "已放弃", "PENDING", "待确认",
            "ACTIVE", "已生效");
    private static final Map<String, String> KIND = Map.of(MessageKinds.CONFIRM, "订阅确认", MessageKinds.RECORD_PUBLISHED,
            "信息发布", MessageKinds.RECORD_REVISED, "信息修订", MessageKinds.RECORD_WITHDRAWN, "信息撤回",
            MessageKinds.TARGETED, "定向推送", MessageKinds.WARNING, "预警", MessageKinds.REQUEST_STEP, "依申请公开办理",
            MessageKinds.COMPLAINT_STEP, "投诉举报办理", MessageKinds.DIGEST, "每日汇总");

    private final DeliveryLog log;
    private final Subscriptions subscriptions;
    private final Organisations organisations;
    private final Clock clock;

    DeliveryAdminController(DeliveryLog log, Subscriptions subscriptions, Organisations organisations, Clock clock) {
        this.log = log;
        this.subscriptions = subscriptions;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** Offers the page in the navigation to the staff of an organisation, whom it does not refuse. */
    @ControllerAdvice(annotations = Controller.class)
    static class Navigation {
        @ModelAttribute("mayOpenNotify")
        boolean mayOpenNotify() {
            return Actor.current().map(a -> a.orgCode() != null).orElse(false);
        }
    }

    /** One line of the log as the page shows it. */
    record Line(String org, String channel, long reached, long waiting, long failed, long dropped, long total) {
    }

    /** One delivery as the page shows it: the address masked. */
    record Delivery(DeliveryLog.Entry entry, String kind, String status) {
    }

    /** Subscriptions of one channel in one state. */
    record Count(String channel, String status, long n) {
    }

    @GetMapping("/admin/notify")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            Model model) {
        Actor me = Actor.require();
        if (me.orgCode() == null) {
            throw new AccessDeniedProblem("推送记录只对机构工作人员开放。");
        }
        String org = me.cityWide() ? null : me.orgCode();
        LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.CHINA));
        List<InvalidInputProblem.FieldError> errors = new ArrayList<>();
        LocalDate end = day(to, "to", "截止日期", today, errors);
        LocalDate start = day(from, "from", "起始日期", end.minusDays(PERIOD_DAYS - 1), errors);
        if (errors.isEmpty() && start.isAfter(end)) {
            errors.add(new InvalidInputProblem.FieldError("from", "起始日期不能晚于截止日期。"));
        } else if (errors.isEmpty() && start.plusDays(MAX_DAYS).isBefore(end)) {
            errors.add(new InvalidInputProblem.FieldError("from", "查询期间最长" + MAX_DAYS + "天。"));
        }
        if (!errors.isEmpty()) {
            end = today;
            start = today.minusDays(PERIOD_DAYS - 1);
        }
        Map<String, String> names = organisations.namesByCode();
        List<Line> lines = new ArrayList<>();
        Map<ChannelKind, long[]> sums = new EnumMap<>(ChannelKind.class);
        for (DeliveryLog.Line l : log.lines(org, start, end)) {
            String name = l.org() == null ? "不属于某一单位（订阅确认、每日汇总等）" : names.getOrDefault(l.org(), l.org());
            lines.add(new Line(name, l.channel().label(), l.reached(), l.waiting(), l.failed(), l.dropped(),
                    l.total()));
            long[] s = sums.computeIfAbsent(l.channel(), k -> new long[4]);
            s[0] += l.reached();
            s[1] += l.waiting();
            s[2] += l.failed();
            s[3] += l.dropped();
        }
        List<Line> totals = sums.entrySet().stream().map(e -> new Line("合计", e.getKey().label(), e.getValue()[0],
                e.getValue()[1], e.getValue()[2], e.getValue()[3],
                e.getValue()[0] + e.getValue()[1] + e.getValue()[2] + e.getValue()[3])).toList();
        model.addAttribute("problem", errors.isEmpty() ? null : new InvalidInputProblem(errors).report());
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("cityWide", me.cityWide());
        model.addAttribute("orgName", org == null ? "全市各单位" : names.getOrDefault(org, org));
        model.addAttribute("lines", lines);
        model.addAttribute("unassigned", log.unassigned(org));
        model.addAttribute("totals", totals);
        model.addAttribute("deliveries", log.latest(org, LATEST).stream()
                .map(e -> new Delivery(e, KIND.getOrDefault(e.kind(), e.kind()), label(e.status()))).toList());
        if (me.cityWide()) {
            model.addAttribute("counts", subscriptions.overview().stream().map(r -> new Count(
                    ChannelKind.valueOf((String) r.get("channel")).label(), label((String) r.get("status")),
                    ((Number) r.get("n")).longValue())).toList());
            model.addAttribute("subscriptions", subscriptions.latest(LATEST));
        }
        return "notify/admin";
    }

    private static String label(String status) {
        return STATUS.getOrDefault(status, status);
    }

    private static LocalDate day(String text, String field, String what, LocalDate fallback,
            List<InvalidInputProblem.FieldError> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new InvalidInputProblem.FieldError(field, what + "应为日期，例如 2026-12-01。"));
            return fallback;
        }
    }
}
