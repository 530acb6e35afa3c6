package gongkai.publishing;

import java.time.Instant;

/** How much a body has published under an item, and when it last did: the catalogue column as the public sees it. */
public record ItemActivity(String catalogItem, String org, long published, Instant lastPublishedAt) {
}
