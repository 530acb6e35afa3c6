package gongkai.publishing;

import java.time.Instant;

/** A published record was withdrawn (撤回); its page stays with a notice and the reason. */
public record RecordWithdrawn(String indexNo, int version, String catalogItem, String org, String region,
        String audience, String reason, Instant at) {
}
