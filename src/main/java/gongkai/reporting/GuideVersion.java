package gongkai.reporting;

import java.time.Instant;

/**
 * One saved version of a body's 政府信息公开指南, as staff see the history.
 *
 * @param savedBy the username of the admin who saved it; null for version 1, the text the platform generated
 * @param savedAt when it was saved (version 1: when the first edit froze it)
 */
public record GuideVersion(int version, String savedBy, Instant savedAt) {

    public boolean generated() {
        return savedBy == null;
    }
}
