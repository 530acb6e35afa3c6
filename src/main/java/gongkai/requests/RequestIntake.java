package gongkai.requests;

import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.calendar.Deadline;
import gongkai.requests.internal.ApplicationCheck;
import gongkai.requests.internal.InformationRequestEntity;
import gongkai.requests.internal.InformationRequestRepository;
import gongkai.requests.internal.IntakeGuard;
import gongkai.requests.internal.QueryCodes;
import gongkai.requests.internal.RequestStore;
import gongkai.requests.internal.RequestSteps;
import gongkai.requests.internal.RequestViews;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.RequestOrigin;
import gongkai.shared.Role;

/**
 * 申请的受理: requests taken in on the public form and the API (anyone may ask), and those that reached an organisation
 * in person, by post, fax or e-mail, entered by its EDITORs. Each is checked whole, numbered, and its clock started;
 * the answer carries the query code, shown this once.
 */
@Service
@Transactional
public class RequestIntake {

    private final ApplicationCheck applications;
    private final IntakeGuard guard;
    private final InformationRequestRepository requests;
    private final RequestStore store;
    private final RequestSteps steps;
    private final RequestViews views;

    RequestIntake(ApplicationCheck applications, IntakeGuard guard, InformationRequestRepository requests,
            RequestStore store, RequestSteps steps, RequestViews views) {
        this.applications = applications;
        this.guard = guard;
        this.requests = requests;
        this.store = store;
        this.steps = steps;
        this.views = views;
    }

    /** A request through the API: checked whole, rate-limited per address and per applicant, received today. */
    public Submitted submit(NewRequest input) {
        return submit(input, null);
    }

    /**
     * A request from the public form, whose human check let it through with {@code humanCheckNonce}; the nonce is
     * stored with the request so that one answer lets one request through.
     */
    public Submitted submit(NewRequest input, String humanCheckNonce) {
        ApplicationCheck.Application a = applications.check(input);
        String address = RequestOrigin.remoteAddress();
        guard.checkIntake(address, a.applicant().key());
        if (humanCheckNonce != null && requests.existsByHumanCheckNonce(humanCheckNonce)) {
            throw new InvalidInputProblem("humanCheck", "此验证问题已使用过，请回答新的验证问题后再提交。");
        }
        LocalDate today = steps.today();
        String code = QueryCodes.next();
        InformationRequestEntity request = new InformationRequestEntity(a.org(), ReceiptChannel.ONLINE, today, today,
                a.applicant(), a.description(), a.purpose(), a.preferredForm(), a.suggestProactive(),
                QueryCodes.hash(code));
        request.origin(address, humanCheckNonce);
        RequestClock started = store.create(request, "通过本平台网上提交，受理机关：" + views.orgName(a.org()) + "。",
                RequestSteps.APPLICANT);
        return submitted(request, code, started);
    }

    /**
     * A request that reached the organisation another way, entered by one of its EDITORs; its date of receipt follows
     * art. 31 (the confirmation date for an ordinary letter or a fax). The query code is for staff to pass on.
     */
    public Submitted enter(NewRequest input, Receipt receipt) {
        Actor actor = Actor.require();
        if (input.org() != null && !input.org().isBlank() && !actor.canActFor(input.org().strip(), Role.EDITOR)) {
            throw new AccessDeniedProblem("只有受理机关的信息员可以登记收到的申请。");
        }
        ApplicationCheck.Entered e = applications.check(input, receipt, steps.today());
        ApplicationCheck.Application a = e.application();
        ApplicationCheck.ReceiptDates dates = e.receipt();
        String code = QueryCodes.next();
        InformationRequestEntity request = new InformationRequestEntity(a.org(), dates.channel(), dates.arrivedOn(),
                dates.receivedOn(), a.applicant(), a.description(), a.purpose(), a.preferredForm(),
                a.suggestProactive(), QueryCodes.hash(code));
        String detail = dates.channel().label() + "，" + dates.channel().arrivalLabel() + RequestClock.day(
                dates.arrivedOn()) + (dates.channel().needsConfirmation() ? "，与申请人确认之日（收到申请之日）"
                        + RequestClock.day(dates.receivedOn()) : "") + "；由工作人员登记。";
        RequestClock started = store.create(request, detail, actor.username());
        steps.audit("request.enter", request, "登记申请：" + detail);
        return submitted(request, code, started);
    }

    private static Submitted submitted(InformationRequestEntity request, String code, RequestClock clock) {
        Deadline due = clock.due().orElseThrow();
        return new Submitted(request.getTrackingNo(), code, request.getReceivedOn(), due.dueOn(), due.covered());
    }
}
