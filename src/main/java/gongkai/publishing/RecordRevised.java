package gongkai.publishing;

import java.time.Instant;

/** A published record was changed: a new version replaced the previous one, which stays readable as history. */
public record RecordRevised(String indexNo, int version, String catalogItem, String org, String region,
        String audience, String contentSha256, Instant at) {
}
