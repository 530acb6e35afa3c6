package gongkai.publishing;

import java.time.Instant;

/**
 * A record became public for the first time (version 1). Committed with the publication; listeners (ledger, search,
 * notify, assessment) receive it after the commit, again after a restart if they had not completed.
 */
public record RecordPublished(String indexNo, int version, String catalogItem, String org, String region,
        String audience, String contentSha256, Instant at) {
}
