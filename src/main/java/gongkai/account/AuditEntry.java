package gongkai.account;

import java.time.Instant;

/** One line of the audit trail. */
public record AuditEntry(long id, Instant at, String actor, String actorOrg, String action, String targetType,
        String targetId, String detail, String remoteAddress) {
}
