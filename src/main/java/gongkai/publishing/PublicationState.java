package gongkai.publishing;

import java.time.Instant;

/**
 * Where a published record stands, for integrity checks: its latest published version, whether it has been
 * withdrawn, and when it last changed (publication, revision or withdrawal).
 */
public record PublicationState(long recordId, String indexNo, int version, boolean withdrawn, Instant changedAt) {
}
