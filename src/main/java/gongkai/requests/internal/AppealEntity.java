package gongkai.requests.internal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import gongkai.requests.Appeal;
import gongkai.requests.AppealKind;
import gongkai.requests.AppealResult;

/**
 * 行政复议或行政诉讼案件: a review or lawsuit against the handling of one request, registered by its staff, and its
 * result once decided. {@code Appeals} checks a change against the request and its other cases before it is made.
 */
@Entity
@Table(name = "request_appeal")
public class AppealEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long requestId;
    @Enumerated(EnumType.STRING)
    private AppealKind kind;
    private LocalDate filedOn;
    private String authority;
    private String caseNumber;
    @Enumerated(EnumType.STRING)
    private AppealResult result;
    private LocalDate decidedOn;
    private String recordedBy;
    private Instant recordedAt;
    private String resultRecordedBy;
    private Instant resultRecordedAt;
    @Version
    private long version;

    protected AppealEntity() {
    }

    /** A case as filed, pending. */
    public AppealEntity(Long requestId, AppealKind kind, LocalDate filedOn, String authority, String caseNumber,
            String recordedBy, Instant recordedAt) {
        this.requestId = requestId;
        this.kind = kind;
        this.filedOn = filedOn;
        this.authority = authority;
        this.caseNumber = caseNumber;
        this.result = AppealResult.PENDING;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    /** The result and the day it was decided; a pending case has no such day. */
    public void decided(AppealResult newResult, LocalDate on, String by, Instant at) {
        this.result = newResult;
        this.decidedOn = newResult == AppealResult.PENDING ? null : on;
        this.resultRecordedBy = by;
        this.resultRecordedAt = at;
    }

    /** Whether this is a review decided on or before {@code day}, which a lawsuit after review may follow. */
    public boolean reviewDecidedBy(LocalDate day) {
        return kind == AppealKind.REVIEW && decidedOn != null && !decidedOn.isAfter(day);
    }

    public Appeal toAppeal() {
        return new Appeal(id, kind, kind.label(), filedOn, authority, caseNumber, result, result.label(), decidedOn,
                recordedBy, recordedAt);
    }

    public Long getId() {
        return id;
    }

    public Long getRequestId() {
        return requestId;
    }

    public AppealKind getKind() {
        return kind;
    }

    public LocalDate getFiledOn() {
        return filedOn;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public AppealResult getResult() {
        return result;
    }

    public LocalDate getDecidedOn() {
        return decidedOn;
    }
}
