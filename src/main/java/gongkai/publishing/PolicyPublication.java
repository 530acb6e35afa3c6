package gongkai.publishing;

import java.time.Instant;

/**
 * A policy document's first publication and its interpretation (同步解读, plan 三.3), for the assessment.
 *
 * @param interpretedAt          when its first interpretation was first published; null when none is
 * @param noInterpretationReason why the approver published it without one, if so
 */
public record PolicyPublication(String org, String indexNo, String title, Instant firstPublishedAt,
        Instant interpretedAt, String noInterpretationReason) {
}
