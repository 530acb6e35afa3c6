package gongkai.requests;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import gongkai.calendar.Deadline;
import gongkai.calendar.DueReminder;
import gongkai.calendar.WorkingDayCalendar;
import gongkai.shared.Actor;
import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;

/**
 * 答复期限: the statutory clock of one request, replayed from its history over the {@link WorkingDayCalendar} — the
 * one place where the rules of art. 30, 32, 33 and 34 of the regulation and the fee rules live.
 *
 * <ul>
 * <li>The answer is due 20 working days after the date of receipt (the calendar decides whether that day counts).
 * <li>补正: within 7 working days of receipt the office may ask, once, for a correction with a deadline; the clock
 * stops, and the 20 working days start again from the receipt of the corrected application. No correction by the
 * deadline ends the request ({@link RequestOutcome#OTHER_NO_CORRECTION}).
 * <li>Extension: once, by 1 to 20 working days, before the period has run out.
 * <li>Consultation of a third party or another agency: its working days do not count, but at most 15 — the time the
 * consulted party has to answer; silence ends the pause when the 15 days are over.
 * <li>A fee notice stops the clock until payment; no payment by the deadline ends the request
 * ({@link RequestOutcome#OTHER_FEE_UNPAID}).
 * </ul>
 *
 * <p>The due date is therefore {@code plusWorkingDays(start, 20 + extension + paused days)}, where start is the day of
 * receipt or of the corrected application: the calendar counts the whole period once, so whether the first day counts
 * is decided in one place. A pause covers the working days after the day it began up to and including the day it
 * ended (the reply's arrival, capped at the limit), the way the calendar counts any period.
 *
 * <p>Each rule method checks one step against the history and returns it, to be written to the history; it changes
 * nothing itself. The class is immutable: {@link #with} replays the history with one step more.
 */
public final class RequestClock {

    public static final int ANSWER_WORKING_DAYS = 20;
    public static final int CORRECTION_NOTICE_WORKING_DAYS = 7;
    public static final int MAX_EXTENSION_WORKING_DAYS = 20;
    public static final int CONSULTATION_WORKING_DAYS = 15;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final WorkingDayCalendar calendar;
    private final List<RequestEvent> history;

    private LocalDate receivedOn;
    private LocalDate start;
    private RequestPhase phase;
    private int extensionDays;
    private boolean extended;
    private int pausedDays;
    private LocalDate lastStepOn;
    private boolean correctionRequested;
    private boolean corrected;
    private LocalDate pauseFrom;
    private LocalDate pauseUntil;
    private boolean feeRequested;
    private boolean closedWhileRunning;
    private LocalDate closedOn;
    private RequestOutcome outcome;

    private RequestClock(WorkingDayCalendar calendar, List<RequestEvent> history) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.history = List.copyOf(history);
        for (RequestEvent e : this.history) {
            apply(e);
        }
        if (receivedOn == null) {
            throw new IllegalArgumentException("A request's history begins with its receipt");
        }
    }

    /** The clock of a history, which must begin with {@link RequestEvent.Kind#RECEIVED}. */
    public static RequestClock replay(WorkingDayCalendar calendar, List<RequestEvent> history) {
        return new RequestClock(calendar, history);
    }

    /** The first step of every history. */
    public static RequestEvent received(LocalDate on) {
        return RequestEvent.step(RequestEvent.Kind.RECEIVED, Objects.requireNonNull(on, "on"), null, 0, null);
    }

    /** The clock with one more step. */
    public RequestClock with(RequestEvent step) {
        List<RequestEvent> longer = new ArrayList<>(history);
        longer.add(step);
        return new RequestClock(calendar, longer);
    }

    private void apply(RequestEvent e) {
        switch (e.kind()) {
            case RECEIVED -> {
                receivedOn = e.on();
                start = e.on();
                phase = RequestPhase.RUNNING;
            }
            case CORRECTION_REQUESTED -> {
                phase = RequestPhase.AWAITING_CORRECTION;
                correctionRequested = true;
                pauseFrom = e.on();
                pauseUntil = e.until();
            }
            case CORRECTED -> {
                // Art. 30: the period is counted from the day the corrected application is received — afresh.
                phase = RequestPhase.RUNNING;
                corrected = true;
                start = e.on();
                pausedDays = 0;
                extensionDays = 0;
            }
            case CONSULTATION_SENT -> {
                phase = RequestPhase.IN_CONSULTATION;
                pauseFrom = e.on();
                pauseUntil = calendar.plusWorkingDays(e.on(), CONSULTATION_WORKING_DAYS);
            }
            case FEE_REQUESTED -> {
                phase = RequestPhase.AWAITING_PAYMENT;
                feeRequested = true;
                pauseFrom = e.on();
                pauseUntil = calendar.plusWorkingDays(e.on(), e.days());
            }
            case CONSULTATION_REPLIED, CONSULTATION_LAPSED, FEE_PAID -> {
                LocalDate end = e.on().isAfter(pauseUntil) ? pauseUntil : e.on();
                pausedDays += calendar.workingDaysBetween(pauseFrom, end);
                phase = RequestPhase.RUNNING;
            }
            case EXTENDED -> {
                extensionDays += e.days();
                extended = true;
            }
            case ANSWERED -> {
                closedWhileRunning = phase == RequestPhase.RUNNING;
                phase = RequestPhase.CLOSED;
                closedOn = e.on();
                outcome = e.outcome();
            }
            default -> {
                return; // delivery, reminders, proposals, reviews and lawsuits: no bearing on the clock
            }
        }
        if (lastStepOn == null || e.on().isAfter(lastStepOn)) {
            lastStepOn = e.on();
        }
    }

    // ----- where the clock stands

    public RequestPhase phase() {
        return phase;
    }

    public LocalDate receivedOn() {
        return receivedOn;
    }

    /** The day the 20 working days are counted from: the day of receipt, or of the corrected application. */
    public LocalDate start() {
        return start;
    }

    public int extensionDays() {
        return extensionDays;
    }

    /** Working days in consultation or awaiting payment since {@link #start()}, which do not count. */
    public int pausedDays() {
        return pausedDays;
    }

    public boolean corrected() {
        return corrected;
    }

    boolean correctionRequested() {
        return correctionRequested;
    }

    boolean extended() {
        return extended;
    }

    boolean feeRequested() {
        return feeRequested;
    }

    public Optional<LocalDate> closedOn() {
        return Optional.ofNullable(closedOn);
    }

    public Optional<RequestOutcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    /**
     * The answer's due date while the clock runs, and for a request answered while it ran. Empty while the clock is
     * stopped (the date depends on when the pause ends) and for a request ended by a lapse.
     */
    public Optional<Deadline> due() {
        if (phase == RequestPhase.RUNNING || (phase == RequestPhase.CLOSED && closedWhileRunning)) {
            return Optional.of(calendar.deadline(start, ANSWER_WORKING_DAYS + extensionDays + pausedDays));
        }
        return Optional.empty();
    }

    public LocalDate dueOn() {
        return due().map(Deadline::dueOn).orElse(null);
    }

    /** The day the current pause ends at the latest: the correction deadline, consultation limit or payment deadline. */
    public LocalDate pauseUntil() {
        return phase.paused() ? pauseUntil : null;
    }

    /** The last day a correction may be asked for (7 working days after receipt). */
    public LocalDate lastDayForCorrectionNotice() {
        return calendar.plusWorkingDays(receivedOn, CORRECTION_NOTICE_WORKING_DAYS);
    }

    /**
     * Working days from today to the due date while the clock runs: 0 on the due date, negative once it has passed
     * (−1 the working day after); empty when the clock does not run.
     */
    public Optional<Integer> workingDaysLeft(LocalDate today) {
        if (phase != RequestPhase.RUNNING) {
            return Optional.empty();
        }
        return Optional.of(workingDaysLeft(calendar, today, dueOn()));
    }

    /**
     * Working days from {@code today} to {@code due}: 0 on the due date, negative after it. For lists that hold the
     * due date already (the inbox), so that they count the way the clock does.
     */
    public static int workingDaysLeft(WorkingDayCalendar calendar, LocalDate today, LocalDate due) {
        return DueReminder.workingDaysLeft(calendar, today, due);
    }

    /** Running and past its due date. */
    public boolean overdue(LocalDate today) {
        return phase == RequestPhase.RUNNING && today.isAfter(dueOn());
    }

    /** Answered after its due date. */
    public boolean answeredLate() {
        return phase == RequestPhase.CLOSED && closedWhileRunning && closedOn.isAfter(dueOn());
    }

    // ----- the rules: each returns the step to record, or refuses with the reason

    /**
     * The staff steps {@code actor} may take today as staff of {@code orgCode}: those of their roles that the state
     * allows ({@link StepRules}, which the rule methods below and the services ask too).
     */
    public AllowedSteps allowedSteps(Actor actor, String orgCode, LocalDate today) {
        return new AllowedSteps(StepRules.allowed(this, today).stream()
                .filter(step -> actor.canActFor(orgCode, step.role())).collect(Collectors.toSet()));
    }

    /** 补正告知: once, within 7 working days of receipt; stops the clock until the corrected application. */
    public RequestEvent requestCorrection(LocalDate today, LocalDate deadline) {
        StepRules.require(this, RequestStep.CORRECTION, today);
        if (deadline == null || !deadline.isAfter(today)) {
            throw new InvalidInputProblem("deadline", "请填写补正期限，且应晚于今天。");
        }
        return RequestEvent.step(RequestEvent.Kind.CORRECTION_REQUESTED, today, deadline, 0, null);
    }

    /** The corrected application, received on {@code on}: the 20 working days start again from that day. */
    public RequestEvent correct(LocalDate on, LocalDate today) {
        StepRules.require(this, RequestStep.RECORD_CORRECTION, today);
        requireStepDate("receivedOn", on, today, "收到补正申请的日期");
        if (on.isAfter(pauseUntil)) {
            throw new ConflictProblem("补正期限已于" + day(pauseUntil) + "届满，逾期补正的申请不再处理。");
        }
        return RequestEvent.step(RequestEvent.Kind.CORRECTED, on, null, 0, null);
    }

    /** 延长答复期限: once, by 1 to 20 working days, decided before the period runs out. */
    public RequestEvent extend(LocalDate today, int workingDays) {
        StepRules.refuse(StepRules.extensionRefusal(this));
        if (workingDays < 1 || workingDays > MAX_EXTENSION_WORKING_DAYS) {
            throw new InvalidInputProblem("workingDays", "延长的期限为1至" + MAX_EXTENSION_WORKING_DAYS + "个工作日。");
        }
        StepRules.refuse(StepRules.extensionTooLate(this, today));
        return RequestEvent.step(RequestEvent.Kind.EXTENDED, today, null, workingDays, null);
    }

    /** 书面征求意见 sent on {@code sentOn}: the clock stops for at most 15 working days. */
    public RequestEvent startConsultation(LocalDate sentOn, LocalDate today) {
        StepRules.require(this, RequestStep.CONSULTATION, today);
        requireStepDate("sentOn", sentOn, today, "发出征求意见的日期");
        if (sentOn.isAfter(dueOn())) {
            throw new ConflictProblem("征求意见应在答复期限（" + day(dueOn()) + "）内发出。");
        }
        return RequestEvent.step(RequestEvent.Kind.CONSULTATION_SENT, sentOn,
                calendar.plusWorkingDays(sentOn, CONSULTATION_WORKING_DAYS), 0, null);
    }

    /** The consulted party's answer, received on {@code receivedOn}: the clock runs again. */
    public RequestEvent endConsultation(LocalDate receivedOn, LocalDate today) {
        StepRules.require(this, RequestStep.CONSULTATION_REPLY, today);
        requireStepDate("receivedOn", receivedOn, today, "收到意见的日期");
        return RequestEvent.step(RequestEvent.Kind.CONSULTATION_REPLIED, receivedOn, null, 0, null);
    }

    /** 收费通知 given today, with {@code paymentDays} working days to pay: the clock stops until payment. */
    public RequestEvent requestFee(LocalDate today, int paymentDays) {
        StepRules.require(this, RequestStep.FEE, today);
        if (paymentDays < 1) {
            throw new IllegalArgumentException("A payment period has at least one working day");
        }
        return RequestEvent.step(RequestEvent.Kind.FEE_REQUESTED, today,
                calendar.plusWorkingDays(today, paymentDays), paymentDays, null);
    }

    /** The fee paid on {@code on}: the clock runs again. */
    public RequestEvent feePaid(LocalDate on, LocalDate today) {
        StepRules.require(this, RequestStep.FEE_PAID, today);
        requireStepDate("paidOn", on, today, "缴费日期");
        if (on.isAfter(pauseUntil)) {
            throw new ConflictProblem("缴费期限已于" + day(pauseUntil) + "届满。");
        }
        return RequestEvent.step(RequestEvent.Kind.FEE_PAID, on, null, 0, null);
    }

    /** 答复 today with an outcome; the outcomes of a lapse only once their period has run out. */
    public RequestEvent answer(RequestOutcome outcome, LocalDate today) {
        if (outcome == null) {
            throw new InvalidInputProblem("outcome", "请选择办理结果。");
        }
        if (phase == RequestPhase.CLOSED) {
            throw new ConflictProblem(StepRules.closed(this));
        }
        switch (outcome) {
            case OTHER_NO_CORRECTION -> {
                if (phase != RequestPhase.AWAITING_CORRECTION || !today.isAfter(pauseUntil)) {
                    throw new ConflictProblem("只有补正期限届满仍未补正的申请才能以“逾期不补正”办结。");
                }
            }
            case OTHER_FEE_UNPAID -> {
                if (phase != RequestPhase.AWAITING_PAYMENT || !today.isAfter(pauseUntil)) {
                    throw new ConflictProblem("只有缴费期限届满仍未缴费的申请才能以“逾期未缴费”办结。");
                }
            }
            default -> {
                StepRules.require(this, RequestStep.REPLY, today);
                if (outcome == RequestOutcome.NOT_AVAILABLE_STILL_UNCLEAR && !corrected) {
                    throw new ConflictProblem("只有经过补正的申请才能以“补正后申请内容仍不明确”答复。");
                }
            }
        }
        return RequestEvent.step(RequestEvent.Kind.ANSWERED, today, null, 0, outcome);
    }

    /**
     * What the passing of time calls for today, if anything: a correction or payment deadline passed ends the request;
     * a consultation limit passed ends the pause on the limit.
     */
    public Optional<RequestEvent> lapse(LocalDate today) {
        if (!phase.paused() || !today.isAfter(pauseUntil)) {
            return Optional.empty();
        }
        return Optional.of(switch (phase) {
            case AWAITING_CORRECTION -> answer(RequestOutcome.OTHER_NO_CORRECTION, today);
            case AWAITING_PAYMENT -> answer(RequestOutcome.OTHER_FEE_UNPAID, today);
            default -> RequestEvent.step(RequestEvent.Kind.CONSULTATION_LAPSED, pauseUntil, null, 0, null);
        });
    }

    /** A date staff or the applicant give for a step: not in the future, not before the history's latest step. */
    private void requireStepDate(String field, LocalDate date, LocalDate today, String what) {
        if (date == null) {
            throw new InvalidInputProblem(field, "请填写" + what + "。");
        }
        if (date.isAfter(today)) {
            throw new InvalidInputProblem(field, what + "不能晚于今天。");
        }
        if (date.isBefore(lastStepOn)) {
            throw new InvalidInputProblem(field, what + "不能早于" + day(lastStepOn) + "（本申请上一次计时变化的日期）。");
        }
    }

    /** A date as letters and histories write it: 2026年10月9日. */
    public static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }
}
