package gongkai.notify;

import java.time.Instant;
import java.util.List;

/**
 * A subscription as its own subscriber sees it on the unsubscribe / manage page (reached by the token in every
 * message), and as staff see it: the address always masked.
 */
public record SubscriptionView(long id, ChannelKind channel, String masked, String status, Frequency frequency,
        List<String> domains, List<String> regions, List<String> items, List<String> orgs, String description,
        Instant createdAt, Instant confirmedAt) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
