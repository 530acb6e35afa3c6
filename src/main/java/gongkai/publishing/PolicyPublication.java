package gongkai.publishing;

import java.time.Instant;

/**
 * A policy document's first publication and its interpretation (同步解读, plan 三.3), for the assessment; its
 * index number and title are read separately ({@link PeriodicPublications#names}) for the few a page names.
 *
 * @param interpretedAt          when its first interpretation was first published; null when none is
 * @param noInterpretationReason why the approver published it without one, if so
 */
public record PolicyPublication(long id, String org, Instant firstPublishedAt, Instant interpretedAt,
        String noInterpretationReason) {
}
