package gongkai.requests.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import gongkai.calendar.WorkingDayCalendar;
import gongkai.requests.RequestClock;
import gongkai.requests.RequestEvent;
import gongkai.requests.TrackingNumber;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.CaseProgressed;

/**
 * Reads a request with its history and writes steps: every step goes to the history first, then the clock is replayed
 * and its state written to the request's cache columns — the only way a request's clock changes.
 */
@Component
public class RequestStore {

    private final InformationRequestRepository requests;
    private final RequestEventRepository events;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    /** The steps an applicant is told of as they happen (push); the rest they read on the tracking page. */
    private static final java.util.Set<RequestEvent.Kind> TOLD = java.util.EnumSet.of(
            RequestEvent.Kind.CORRECTION_REQUESTED, RequestEvent.Kind.EXTENDED, RequestEvent.Kind.CONSULTATION_SENT,
            RequestEvent.Kind.FEE_REQUESTED, RequestEvent.Kind.ANSWERED);

    RequestStore(InformationRequestRepository requests, RequestEventRepository events, WorkingDayCalendar calendar,
            Clock clock, ApplicationEventPublisher publisher) {
        this.requests = requests;
        this.events = events;
        this.calendar = calendar;
        this.clock = clock;
        this.publisher = publisher;
    }

    public InformationRequestEntity require(String trackingNo) {
        return find(trackingNo).orElseThrow(() -> new NotFoundProblem("没有编号为“" + trackingNo + "”的政府信息公开申请。"));
    }

    /** The request with the number as someone typed it. */
    public Optional<InformationRequestEntity> find(String trackingNo) {
        return TrackingNumber.typed(trackingNo).flatMap(no -> requests.findByTrackingNo(no.value()));
    }

    public List<RequestEvent> history(InformationRequestEntity request) {
        return events.findByRequestIdOrderBySeqAsc(request.getId()).stream().map(RequestEventEntity::toEvent).toList();
    }

    public RequestClock clockOf(InformationRequestEntity request) {
        return RequestClock.replay(calendar, history(request));
    }

    public RequestClock clockOf(List<RequestEvent> history) {
        return RequestClock.replay(calendar, history);
    }

    /** A new request: saved with its number and the first step of its history. */
    public RequestClock create(InformationRequestEntity request, String detail, String actor) {
        request.identify(requests.nextId());
        requests.save(request);
        RequestEvent first = RequestClock.received(request.getReceivedOn()).withDetail(detail);
        events.save(new RequestEventEntity(request.getId(), 1, first, actor, Instant.now(clock)));
        RequestClock started = clockOf(List.of(first));
        request.clock(started);
        return started;
    }

    /** Appends a step to the history and brings the cache up to date; returns the clock after it. */
    public RequestClock append(InformationRequestEntity request, RequestEvent step, String actor) {
        List<RequestEvent> history = history(request);
        RequestClock after = clockOf(history).with(step);
        events.save(new RequestEventEntity(request.getId(), history.size() + 1, step, actor, Instant.now(clock)));
        request.clock(after);
        if (TOLD.contains(step.kind())) {
            publisher.publishEvent(new CaseProgressed(RequestContacts.TYPE, request.getTrackingNo(),
                    Integer.toString(history.size() + 1), step.kind().label(), request.getOrgCode()));
        }
        return after;
    }

    /** Replays the clock again (after a calendar amendment may have moved its dates) and refreshes the cache. */
    public RequestClock refresh(InformationRequestEntity request) {
        RequestClock now = clockOf(request);
        request.clock(now);
        return now;
    }
}
