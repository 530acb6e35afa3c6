package gongkai.requests;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import gongkai.shared.ConflictProblem;

/**
 * For each staff step, whether the request's state allows it today, and if not, why — the one rule that both guards
 * the step (through {@link RequestClock}'s rule methods and the services) and decides what the staff page offers.
 * Rules on what staff type in (dates, days, texts) stay with the step.
 */
final class StepRules {

    private StepRules() {
    }

    /** The steps the state allows today, whoever asks. */
    static Set<RequestStep> allowed(RequestClock clock, LocalDate today) {
        Set<RequestStep> allowed = EnumSet.noneOf(RequestStep.class);
        for (RequestStep step : RequestStep.values()) {
            if (refusal(clock, step, today).isEmpty()) {
                allowed.add(step);
            }
        }
        return allowed;
    }

    /** @throws ConflictProblem naming why the request's state does not allow the step today */
    static void require(RequestClock clock, RequestStep step, LocalDate today) {
        refuse(refusal(clock, step, today));
    }

    static Optional<String> refusal(RequestClock clock, RequestStep step, LocalDate today) {
        RequestPhase phase = clock.phase();
        return switch (step) {
            case CORRECTION -> notRunning(clock, "告知补正")
                    .or(() -> clock.correctionRequested()
                            ? Optional.of("补正只能告知一次，并应一次性告知需要补正的全部事项（条例第三十条）。") : Optional.empty())
                    .or(() -> today.isAfter(clock.lastDayForCorrectionNotice())
                            ? Optional.of("补正告知应在收到申请之日起" + RequestClock.CORRECTION_NOTICE_WORKING_DAYS
                                    + "个工作日内作出，本申请最迟为" + RequestClock.day(clock.lastDayForCorrectionNotice())
                                    + "，现已超过。")
                            : Optional.empty());
            case RECORD_CORRECTION -> unless(phase == RequestPhase.AWAITING_CORRECTION, "本申请没有待补正的事项。");
            case CONSULTATION -> notRunning(clock, "征求意见");
            case CONSULTATION_REPLY -> unless(phase == RequestPhase.IN_CONSULTATION, "本申请没有正在进行的征求意见。");
            case EXTENSION -> extensionRefusal(clock).or(() -> extensionTooLate(clock, today));
            case FEE -> notRunning(clock, "发出收费通知")
                    .or(() -> clock.feeRequested() ? Optional.of("本申请已发出过收费通知。") : Optional.empty());
            case FEE_PAID -> unless(phase == RequestPhase.AWAITING_PAYMENT, "本申请没有待缴纳的信息处理费。");
            case REPLY, TRANSFER -> phase == RequestPhase.CLOSED ? Optional.of(closed(clock))
                    : notRunning(clock, "答复");
            // A review or lawsuit may come at any stage, even against a request left unanswered.
            case REISSUE_CODE, APPEAL -> Optional.empty();
            case DELIVERY -> unless(phase == RequestPhase.CLOSED, "本申请尚未答复，没有可送达的告知书。");
            case PROPOSAL -> unless(clock.outcome().map(RequestOutcome::disclosed).orElse(false),
                    "只有予以公开或部分公开的申请，其信息才能建议转为主动公开。");
        };
    }

    /** An extension is refused unless the clock runs and was never extended (what the days asked do not change). */
    static Optional<String> extensionRefusal(RequestClock clock) {
        return notRunning(clock, "延长答复期限")
                .or(() -> clock.extended() ? Optional.of("答复期限只能延长一次（条例第三十三条）。") : Optional.empty());
    }

    /** Nor once the period has run out; the clock names a bad number of days before this. */
    static Optional<String> extensionTooLate(RequestClock clock, LocalDate today) {
        return today.isAfter(clock.dueOn())
                ? Optional.of("答复期限已于" + RequestClock.day(clock.dueOn()) + "届满，不能再延长。")
                : Optional.empty();
    }

    static void refuse(Optional<String> why) {
        why.ifPresent(reason -> {
            throw new ConflictProblem(reason);
        });
    }

    static String closed(RequestClock clock) {
        return "本申请已于" + RequestClock.day(clock.closedOn().orElseThrow()) + "办结。";
    }

    private static Optional<String> notRunning(RequestClock clock, String action) {
        String until = RequestClock.day(clock.pauseUntil());
        return Optional.ofNullable(switch (clock.phase()) {
            case RUNNING -> null;
            case CLOSED -> "本申请已于" + RequestClock.day(clock.closedOn().orElseThrow()) + "办结，不能" + action + "。";
            case AWAITING_CORRECTION -> "申请人尚未补正（补正期限" + until + "），不能" + action + "。";
            case IN_CONSULTATION -> "征求意见尚未结束（最迟" + until + "），请先登记收到的意见，再" + action + "。";
            case AWAITING_PAYMENT -> "申请人尚未缴纳信息处理费（缴费期限" + until + "），不能" + action + "。";
        });
    }

    private static Optional<String> unless(boolean allowed, String why) {
        return allowed ? Optional.empty() : Optional.of(why);
    }
}
