package gongkai.publishing;

import java.time.Instant;

/** When a body last published under an item: the catalogue column as the public sees it (null: never). */
public record ItemActivity(String catalogItem, String org, Instant lastPublishedAt) {

    public boolean empty() {
        return lastPublishedAt == null;
    }
}
