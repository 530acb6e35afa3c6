package gongkai.publishing;

import java.time.Instant;

import gongkai.catalog.Audience;

/** A record in a list: enough to show a line and link to it. */
public record RecordSummary(String ref, String indexNo, String title, RecordStatus status, String org,
        String publisher, String catalogItem, String itemName, String region, String regionName, Instant publishedAt,
        Instant updatedAt, Audience audience, String createdBy, boolean demo) {
}
