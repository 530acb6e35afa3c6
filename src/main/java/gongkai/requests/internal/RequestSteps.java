package gongkai.requests.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import gongkai.requests.RequestClock;
import gongkai.requests.RequestEvent;
import gongkai.requests.RequestStep;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.AuditedChange;
import gongkai.shared.InvalidInputProblem;

/**
 * What every step on a request shares: who may take it, writing it to the history (through {@link RequestStore}), the
 * audit trail, and the two steps more than one use case takes — the corrected application and the answer.
 */
@Component
public class RequestSteps {

    /** The actor name of steps the applicant takes. */
    public static final String APPLICANT = "applicant";
    /** The actor name of steps the daily job takes. */
    public static final String SYSTEM = "system";

    private final RequestStore store;
    private final ReplyLetters letters;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RequestSteps(RequestStore store, ReplyLetters letters, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.letters = letters;
        this.events = events;
        this.clock = clock;
    }

    /** A request and the signed-in staff member who takes {@code step} on it, refused unless they have its role. */
    public record Taking(InformationRequestEntity request, Actor actor) {

        public String by() {
            return actor.username();
        }
    }

    /** @throws AccessDeniedProblem unless the signed-in actor has the step's role in the handling organisation */
    public Taking take(String trackingNo, RequestStep step) {
        InformationRequestEntity request = store.require(trackingNo);
        Actor actor = Actor.require();
        if (!actor.canActFor(request.getOrgCode(), step.role())) {
            throw new AccessDeniedProblem("只有受理机关的" + step.role().label() + "可以" + step.action() + "。");
        }
        return new Taking(request, actor);
    }

    /** The request, for any of the handling organisation's staff. */
    public InformationRequestEntity forStaff(String trackingNo) {
        InformationRequestEntity request = store.require(trackingNo);
        if (!isStaffOf(Actor.require(), request.getOrgCode())) {
            throw new AccessDeniedProblem("只有受理机关的工作人员可以查看申请人信息和办理本申请。");
        }
        return request;
    }

    public static boolean isStaffOf(Actor actor, String orgCode) {
        return !actor.isResident() && !actor.roles().isEmpty() && actor.canActFor(orgCode);
    }

    /** Writes a step with its detail to the history, and the detail to the audit trail; returns the clock after it. */
    public RequestClock write(Taking taking, RequestEvent step, String auditAction) {
        return write(taking, step, auditAction, step.detail());
    }

    /** Writes a step to the history and {@code auditDetail} to the audit trail; returns the clock after it. */
    public RequestClock write(Taking taking, RequestEvent step, String auditAction, String auditDetail) {
        RequestClock after = store.append(taking.request(), step, taking.by());
        audit(auditAction, taking.request(), auditDetail);
        return after;
    }

    /** The corrected application, received on {@code on}: the clock starts again from that day. */
    public RequestClock correct(InformationRequestEntity request, String description, LocalDate on, String actor) {
        String text = description == null ? "" : description.strip();
        if (text.length() < 5 || text.length() > 4000) {
            throw new InvalidInputProblem("description", "请填写补正后的所需信息描述（5至4000个字）。");
        }
        RequestClock clock = store.clockOf(request);
        RequestEvent step = clock.correct(on, today());
        String before = request.getDescription();
        request.correctedDescription(text);
        String detail = "收到补正后的申请，答复期限自该日起重新计算，至" + day(clock.with(step).dueOn()) + "。";
        return store.append(request, step.withDetail(detail).withNote("补正前的描述：" + before), actor);
    }

    /** Writes the answer: the letter is composed from the history before the answer and kept as sent. */
    public RequestClock answer(InformationRequestEntity request, RequestEvent step, ReplyLetters.Answer answer,
            String actor) {
        String letter = letters.compose(request, store.history(request), answer);
        request.answer(answer.text(), letter);
        String detail = "办理结果：" + step.outcome().label() + "。"
                + (answer.responsibleBody() == null ? "" : "负责公开的机关：" + answer.responsibleBody() + "。")
                + (answer.transferNote() == null ? "" : answer.transferNote());
        return store.append(request, step.withDetail(detail), actor);
    }

    public void audit(String action, InformationRequestEntity request, String detail) {
        events.publishEvent(new AuditedChange(action, "info-request", request.getTrackingNo(), detail));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public static String day(LocalDate date) {
        return RequestClock.day(date);
    }
}
