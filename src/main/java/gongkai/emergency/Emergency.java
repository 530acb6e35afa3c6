package gongkai.emergency;

import java.time.Instant;
import java.util.List;

/**
 * A declared emergency (突发事件): what, where, who answers for it, and whether its response has ended. The warnings are
 * the original messages of the warning sequences that belong to it.
 */
public record Emergency(long id, EmergencyKind kind, String title, String summary, String leadOrg, String leadName,
        Instant occurredAt, Instant declaredAt, String declaredBy, Instant endedAt, String endedBy,
        String endStatement, List<Warning.Area> areas, List<Body> bodies, List<Long> warningIds, boolean demo) {

    /** A responsible body, by code and name. */
    public record Body(String code, String name) {
    }

    public boolean ended() {
        return endedAt != null;
    }

    public List<String> bodyCodes() {
        return bodies.stream().map(Body::code).toList();
    }
}
