package gongkai.requests;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.calendar.DueReminder;
import gongkai.requests.internal.InformationRequestEntity;
import gongkai.requests.internal.ReplyLetters;
import gongkai.requests.internal.RequestStore;
import gongkai.requests.internal.RequestSteps;
import gongkai.requests.internal.RequestSteps.Taking;
import gongkai.requests.internal.RequestViews;
import gongkai.requests.internal.RequestsProperties;
import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;

/**
 * 答复期限的管理: the steps that stop, restart or lengthen a request's {@link RequestClock} — correction, consultation,
 * fee and extension — and what the passing of time calls for each day. Each step is checked by the clock, written to
 * the history, audited, and answered with the staff view of the request.
 */
@Service
@Transactional
public class ClockKeeping {

    private static final Logger log = LoggerFactory.getLogger(ClockKeeping.class);
    private static final int MAX_NOTE = 2000;

    private final RequestSteps steps;
    private final RequestViews views;
    private final RequestStore store;
    private final RequestsProperties properties;

    ClockKeeping(RequestSteps steps, RequestViews views, RequestStore store, RequestsProperties properties) {
        this.steps = steps;
        this.views = views;
        this.store = store;
        this.properties = properties;
    }

    /** 补正告知 (EDITOR): every item to correct at once, and a deadline; the clock stops. */
    public RequestView requestCorrection(String trackingNo, List<String> items, LocalDate deadline) {
        Taking taking = steps.take(trackingNo, RequestStep.CORRECTION);
        List<String> clean = items == null ? List.of()
                : items.stream().filter(i -> i != null && !i.isBlank()).map(String::strip).toList();
        if (clean.isEmpty()) {
            throw new InvalidInputProblem("items", "请逐项列明需要补正的内容（应一次性告知）。");
        }
        if (String.join("", clean).length() > MAX_NOTE) {
            throw new InvalidInputProblem("items", "补正事项合计不能超过" + MAX_NOTE + "个字。");
        }
        RequestEvent step = store.clockOf(taking.request()).requestCorrection(steps.today(), deadline);
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < clean.size(); i++) {
            numbered.add((i + 1) + ". " + clean.get(i));
        }
        String detail = "请于" + day(deadline) + "前补正以下内容（补正期间暂停计时，答复期限自收到补正后的申请之日起重新计算）："
                + String.join("；", numbered) + "。";
        steps.write(taking, step.withDetail(detail), "request.correction");
        return views.forStaff(taking.request());
    }

    /** A corrected application that reached the office on paper (EDITOR), received on {@code receivedOn}. */
    public RequestView recordCorrection(String trackingNo, String description, LocalDate receivedOn) {
        Taking taking = steps.take(trackingNo, RequestStep.RECORD_CORRECTION);
        steps.correct(taking.request(), description, receivedOn, taking.by());
        steps.audit("request.corrected", taking.request(), "登记收到补正申请（" + day(receivedOn) + "）");
        return views.forStaff(taking.request());
    }

    /** 延长答复期限 (APPROVER, the head of the disclosure office): once, up to 20 working days; the applicant is told. */
    public RequestView extend(String trackingNo, String reason, Integer workingDays) {
        Taking taking = steps.take(trackingNo, RequestStep.EXTENSION);
        String why = required("reason", "延长理由", reason, "请填写延长答复期限的理由，它将告知申请人。", MAX_NOTE);
        int days = workingDays == null ? RequestClock.MAX_EXTENSION_WORKING_DAYS : workingDays;
        RequestClock clock = store.clockOf(taking.request());
        RequestEvent step = clock.extend(steps.today(), days);
        String detail = "经政府信息公开工作机构负责人同意，答复期限延长" + days + "个工作日，至" + day(clock.with(step).dueOn())
                + "。理由：" + why;
        steps.write(taking, step.withDetail(detail), "request.extension");
        return views.forStaff(taking.request());
    }

    /**
     * 征求意见 (EDITOR): sent in writing on {@code sentOn} to a third party (art. 32) or another agency (art. 34); the
     * clock stops for at most 15 working days. The party is named to staff only.
     */
    public RequestView startConsultation(String trackingNo, String party, LocalDate sentOn) {
        Taking taking = steps.take(trackingNo, RequestStep.CONSULTATION);
        String who = required("party", "被征求意见方", party, "请填写被征求意见的第三方或机关。", 500);
        RequestEvent step = store.clockOf(taking.request()).startConsultation(sentOn, steps.today());
        String detail = "书面征求意见，征求意见期间不计算在答复期限内；被征求意见方应于" + day(step.until()) + "前答复，逾期未答复的恢复计时。";
        steps.write(taking, step.withDetail(detail).withNote("被征求意见方：" + who), "request.consultation",
                "征求意见：" + who + "（" + day(sentOn) + "发出）");
        return views.forStaff(taking.request());
    }

    /** The consulted party's answer, received on {@code receivedOn} (EDITOR): the clock runs again. */
    public RequestView endConsultation(String trackingNo, LocalDate receivedOn, String opinion) {
        Taking taking = steps.take(trackingNo, RequestStep.CONSULTATION_REPLY);
        String text = required("opinion", "意见摘要", opinion, "请摘要填写被征求意见方的意见（同意公开、不同意公开及理由等）。", MAX_NOTE);
        RequestClock clock = store.clockOf(taking.request());
        RequestEvent step = clock.endConsultation(receivedOn, steps.today());
        String detail = "收到被征求意见方的答复，恢复计时；答复期限至" + day(clock.with(step).dueOn()) + "。";
        steps.write(taking, step.withDetail(detail).withNote("意见：" + text), "request.consultation-reply", detail);
        return views.forStaff(taking.request());
    }

    /**
     * 收费通知 (APPROVER): the fee by the chosen rule; refused when it comes to nothing. The clock stops until payment;
     * no payment within the configured working days ends the request.
     */
    public RequestView requestFee(String trackingNo, String method, Integer pages) {
        Taking taking = steps.take(trackingNo, RequestStep.FEE);
        FeeMethod m = FeeMethod.parse(method);
        if (m == null) {
            throw new InvalidInputProblem("method", "请选择计收方式：PER_REQUEST（按件）或 PER_VOLUME（按量）。");
        }
        int rank = views.monthlyRank(taking.request());
        BigDecimal amount;
        String basis;
        if (m == FeeMethod.PER_REQUEST) {
            amount = InformationProcessingFee.perRequest(rank);
            basis = "本申请为该申请人本月第" + rank + "件申请";
        } else {
            if (pages == null || pages < 1) {
                throw new InvalidInputProblem("pages", "按量计收请填写页数。");
            }
            amount = InformationProcessingFee.perVolume(pages);
            basis = "所提供的信息共" + pages + "页";
        }
        if (amount.signum() == 0) {
            throw new ConflictProblem(basis + "，按" + m.label() + "标准应收费用为0元，无需收费。");
        }
        RequestEvent step = store.clockOf(taking.request()).requestFee(steps.today(),
                properties.fees().paymentWorkingDays());
        taking.request().fee(amount);
        String detail = "收费通知：" + basis + "，按" + m.label() + "标准收取信息处理费" + amount.toPlainString() + "元，请于"
                + day(step.until()) + "前缴纳；自发出收费通知至缴费之日暂停计时，逾期未缴纳的不再处理本申请。";
        steps.write(taking, step.withDetail(detail), "request.fee");
        return views.forStaff(taking.request());
    }

    /** The fee paid on {@code paidOn} (EDITOR): the clock runs again. */
    public RequestView feePaid(String trackingNo, LocalDate paidOn) {
        Taking taking = steps.take(trackingNo, RequestStep.FEE_PAID);
        RequestClock clock = store.clockOf(taking.request());
        RequestEvent step = clock.feePaid(paidOn, steps.today());
        String detail = "已缴纳信息处理费，恢复计时；答复期限至" + day(clock.with(step).dueOn()) + "。";
        steps.write(taking, step.withDetail(detail), "request.fee-paid");
        return views.forStaff(taking.request());
    }

    /**
     * What the passing of time calls for on one request today (the daily job runs it for every open request, each in
     * its own transaction): deadlines that have passed end the request or its consultation, an overdue request is
     * marked once, and the handling organisation is reminded a few working days before the due date (once per due
     * date). The clock's cache is refreshed first, in case a calendar amendment moved its dates.
     *
     * @return the kinds of step written
     */
    public List<RequestEvent.Kind> keepClock(String trackingNo, LocalDate today) {
        InformationRequestEntity request = store.require(trackingNo);
        RequestClock clock = store.refresh(request);
        List<RequestEvent.Kind> done = new ArrayList<>();
        for (var lapse = clock.lapse(today); lapse.isPresent(); lapse = clock.lapse(today)) {
            RequestEvent step = lapse.get();
            if (step.kind() == RequestEvent.Kind.ANSWERED) {
                clock = steps.answer(request, step, new ReplyLetters.Answer(step.outcome(), "", null, null, null),
                        RequestSteps.SYSTEM);
                log.info("Request {} ended: {}", trackingNo, step.outcome());
            } else {
                String detail = "被征求意见方在" + RequestClock.CONSULTATION_WORKING_DAYS + "个工作日内未答复，征求意见于" + day(step.on())
                        + "期满，恢复计时；答复期限至" + day(clock.with(step).dueOn()) + "。";
                clock = store.append(request, step.withDetail(detail), RequestSteps.SYSTEM);
            }
            done.add(step.kind());
        }
        if (clock.phase() != RequestPhase.RUNNING) {
            return done;
        }
        LocalDate due = clock.dueOn();
        int left = clock.workingDaysLeft(today).orElseThrow();
        DueReminder call = DueReminder.today(left, due, request.getRemindedFor(), request.getOverdueMarkedOn() != null,
                properties.reminderWorkingDays());
        if (call == DueReminder.OVERDUE) {
            request.markedOverdue(today);
            store.append(request, RequestEvent.step(RequestEvent.Kind.OVERDUE, today, null, 0, null)
                    .withDetail("答复期限已于" + day(due) + "届满，尚未答复。"), RequestSteps.SYSTEM);
            log.warn("Request {} of {} is overdue: due {}", trackingNo, request.getOrgCode(), due);
            done.add(RequestEvent.Kind.OVERDUE);
        } else if (call == DueReminder.REMIND) {
            request.reminded(due);
            store.append(request, RequestEvent.step(RequestEvent.Kind.REMINDED, today, null, 0, null)
                    .withDetail("距答复期限（" + day(due) + "）还有" + left + "个工作日，请及时答复。"), RequestSteps.SYSTEM);
            log.info("Request {} of {} is due in {} working days ({})", trackingNo, request.getOrgCode(), left, due);
            done.add(RequestEvent.Kind.REMINDED);
        }
        return done;
    }

    /** A required text of a step, stripped, within {@code max} characters. */
    static String required(String field, String label, String value, String missing, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputProblem(field, missing);
        }
        if (value.strip().length() > max) {
            throw new InvalidInputProblem(field, label + "不能超过" + max + "个字。");
        }
        return value.strip();
    }

    private static String day(LocalDate date) {
        return RequestClock.day(date);
    }
}
