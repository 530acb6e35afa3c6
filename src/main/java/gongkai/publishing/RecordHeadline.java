package gongkai.publishing;

import java.time.Instant;

/**
 * A record as another module that keeps its id shows it in a list (an emergency's timeline): where it stands, and its
 * title and summary, those of the latest published version once there is one, else the working copy's. Only what is
 * {@link #open()} may be shown to the public.
 *
 * @param open published, not withdrawn and open to everyone
 */
public record RecordHeadline(long recordId, String ref, String indexNo, RecordStatus status, boolean open,
        String title, String summary, Instant firstPublishedAt) {
}
