package gongkai.requests.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import gongkai.calendar.Deadline;
import gongkai.calendar.WorkingDayCalendar;
import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.requests.Letter;
import gongkai.requests.RequestClock;
import gongkai.requests.RequestEvent;
import gongkai.requests.RequestPhase;
import gongkai.requests.RequestSummary;
import gongkai.requests.RequestView;
import gongkai.shared.NotFoundProblem;

/** A stored request as the applicant, an inbox line or the reply letter shows it. */
@Component
public class RequestViews {

    private final InformationRequestRepository requests;
    private final RequestStore store;
    private final ReplyLetters letters;
    private final Organisations organisations;
    private final WorkingDayCalendar calendar;
    private final RequestsProperties properties;
    private final Clock clock;

    RequestViews(InformationRequestRepository requests, RequestStore store, ReplyLetters letters,
            Organisations organisations, WorkingDayCalendar calendar, RequestsProperties properties, Clock clock) {
        this.requests = requests;
        this.store = store;
        this.letters = letters;
        this.organisations = organisations;
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    /** The request with its history: the applicant's view masks the applicant and shows only what they are told. */
    public RequestView view(InformationRequestEntity r, boolean applicantView) {
        List<RequestEvent> history = store.history(r);
        RequestClock clock = store.clockOf(history);
        LocalDate today = LocalDate.now(this.clock);
        Deadline due = clock.due().orElse(null);
        List<RequestEvent> shown = applicantView
                ? history.stream().filter(e -> e.kind().applicantSees()).map(RequestEvent::forApplicant).toList()
                : history;
        return new RequestView(r.getTrackingNo(), r.getOrgCode(), orgName(r.getOrgCode()), r.getChannel(),
                r.getArrivedOn(), r.getReceivedOn(), applicantView ? r.applicant().masked() : r.applicant(),
                r.getDescription(), r.getPurpose(), r.getPreferredForm(), r.isSuggestProactive(), clock.phase(),
                due == null ? null : due.dueOn(), due == null || due.covered(), clock.pauseUntil(),
                clock.workingDaysLeft(today).orElse(null), clock.overdue(today), clock.outcome().orElse(null),
                clock.closedOn().orElse(null), clock.answeredLate(), r.getReplyText(), r.getReplyLetter() != null,
                r.getFeeAmount(), trackingNoOf(r.getTransferredTo()), trackingNoOf(r.getTransferredFrom()),
                clock.extensionDays(), clock.pausedDays(), clock.lastDayForCorrectionNotice(),
                applicantView ? 0 : monthlyRank(r), shown, r.isDemo());
    }

    /** The staff view. */
    public RequestView forStaff(InformationRequestEntity r) {
        return view(r, false);
    }

    /** An inbox line, from the request's cached clock columns. */
    public RequestSummary summary(InformationRequestEntity r, LocalDate today) {
        boolean running = r.getPhase() == RequestPhase.RUNNING && r.getDueOn() != null;
        Integer left = running ? RequestClock.workingDaysLeft(calendar, today, r.getDueOn()) : null;
        return new RequestSummary(r.getTrackingNo(), r.applicant().name(), r.getApplicantKind(),
                r.getDescription().length() > 60 ? r.getDescription().substring(0, 60) + "…" : r.getDescription(),
                r.getReceivedOn(), r.getPhase(), r.getDueOn(), r.getPauseUntil(), left, left != null && left < 0,
                left != null && left >= 0 && left <= properties.reminderWorkingDays(), r.getOutcome(),
                r.getAnsweredOn(), r.isDemo());
    }

    /** The reply letter as sent. */
    public Letter letter(InformationRequestEntity request) {
        if (request.getReplyLetter() == null) {
            throw new NotFoundProblem("本申请尚未答复，还没有答复告知书。");
        }
        return new Letter("答复告知书-" + request.getTrackingNo() + ".pdf", letters.pdf(request));
    }

    /** The request's place among its applicant's requests in its calendar month (fees, §1c). */
    public int monthlyRank(InformationRequestEntity r) {
        LocalDate first = r.getReceivedOn().withDayOfMonth(1);
        return (int) (properties.fees().countPerOrganisation()
                ? requests.rankInMonth(r.getApplicantKey(), r.getOrgCode(), first, r.getReceivedOn(), r.getId())
                : requests.rankInMonthOnPlatform(r.getApplicantKey(), first, r.getReceivedOn(), r.getId()));
    }

    public String orgName(String code) {
        return organisations.find(code).map(Organisation::name).orElse(code);
    }

    private String trackingNoOf(Long id) {
        return id == null ? null : requests.findById(id).map(InformationRequestEntity::getTrackingNo).orElse(null);
    }
}
