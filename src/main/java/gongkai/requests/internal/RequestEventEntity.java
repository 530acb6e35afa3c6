package gongkai.requests.internal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import gongkai.requests.RequestEvent;
import gongkai.requests.RequestOutcome;

/** One step of a request's history. Append-only. */
@Entity
@Table(name = "info_request_event")
public class RequestEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long requestId;
    private int seq;
    @Enumerated(EnumType.STRING)
    private RequestEvent.Kind kind;
    @Column(name = "on_date")
    private LocalDate onDate;
    private LocalDate untilDate;
    private int days;
    @Enumerated(EnumType.STRING)
    private RequestOutcome outcome;
    private String detail;
    private String note;
    private String actor;
    private Instant recordedAt;

    protected RequestEventEntity() {
    }

    RequestEventEntity(Long requestId, int seq, RequestEvent step, String actor, Instant recordedAt) {
        this.requestId = requestId;
        this.seq = seq;
        this.kind = step.kind();
        this.onDate = step.on();
        this.untilDate = step.until();
        this.days = step.days();
        this.outcome = step.outcome();
        this.detail = step.detail() == null ? "" : step.detail();
        this.note = step.note();
        this.actor = actor;
        this.recordedAt = recordedAt;
    }

    public RequestEvent toEvent() {
        return new RequestEvent(seq, kind, onDate, untilDate, days, outcome, detail, note, actor, recordedAt);
    }
}
