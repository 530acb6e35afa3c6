package gongkai.publishing.internal;

import java.time.Instant;

/** A policy document's first publication, read without its text or title; its interpretation is joined
 * afterwards. */
public record PolicyRow(Long id, String org, Instant firstPublishedAt, String noInterpretationReason) {
}
