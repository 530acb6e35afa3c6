package gongkai.publishing.internal;

import java.time.Instant;

import gongkai.publishing.RecordStatus;

/** A record's first publication and its status now: whether the latest publication of a column is still out. */
public record LatestPublication(Instant firstPublishedAt, RecordStatus status) {
}
