package gongkai.account.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import gongkai.account.AuditEntry;

/** Append-only: no setters, never updated or deleted by the application. */
@Entity
@Table(name = "audit_event")
public class AuditEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant at;
    private String actor;
    private String actorOrg;
    private String action;
    private String targetType;
    private String targetId;
    private String detail;
    private String remoteAddr;

    protected AuditEventEntity() {
    }

    public AuditEventEntity(Instant at, String actor, String actorOrg, String action, String targetType,
            String targetId, String detail, String remoteAddr) {
        this.at = at;
        this.actor = actor;
        this.actorOrg = actorOrg;
        this.action = action;
        this.targetType = targetType;
        this.targetId = targetId;
        this.detail = detail.length() > 4000 ? detail.substring(0, 3999) + "…" : detail;
        this.remoteAddr = remoteAddr;
    }

    public AuditEntry toEntry() {
        return new AuditEntry(id, at, actor, actorOrg, action, targetType, targetId, detail, remoteAddr);
    }
}
