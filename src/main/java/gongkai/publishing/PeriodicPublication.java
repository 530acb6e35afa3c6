package gongkai.publishing;

import java.time.Instant;

/**
 * A record's first publication as supervision counts it: the item, the body, the period it covers ({@code 2026-10},
 * {@code 2026-Q3}, {@code 2026}; null for an event item) and when it first became public.
 */
public record PeriodicPublication(String catalogItem, String org, String period, String indexNo,
        Instant firstPublishedAt) {
}
