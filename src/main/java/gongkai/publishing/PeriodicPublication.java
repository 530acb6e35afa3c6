package gongkai.publishing;

import java.time.Instant;

/**
 * A published record of a scheduled item, as the supervision of proactive disclosure counts it: which body published
 * which item for which period, under which index number and when it first appeared.
 *
 * @param catalogItem      the catalogue item's code
 * @param org              the publishing organisation's code
 * @param period           the period the record covers, canonical ({@code 2026-10}, {@code 2026-Q3}, {@code 2026})
 * @param indexNo          the record's index number
 * @param firstPublishedAt when its first version was published
 */
public record PeriodicPublication(String catalogItem, String org, String period, String indexNo,
        Instant firstPublishedAt) {
}
