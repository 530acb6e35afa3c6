package gongkai.publishing;

import java.time.Instant;

/**
 * A record's first publication as supervision counts it: which body published which item for which period, under
 * which index number and when it first appeared.
 *
 * @param period the period the record covers, canonical ({@code 2026-10}, {@code 2026-Q3}, {@code 2026}); null for
 *               an event item
 */
public record PeriodicPublication(String catalogItem, String org, String period, String indexNo,
        Instant firstPublishedAt) {
}
