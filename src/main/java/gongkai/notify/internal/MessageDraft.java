package gongkai.notify.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A message before it is queued: what it says, once for everyone, and whom it is for.
 *
 * @param key      unique per thing that happened (record:IDX:3:PUBLISH, warning:12): a second post of the same key
 *                 adds nothing, which makes a re-delivered event harmless
 * @param lane     {@link #PRIORITY} (warnings, confirmations) or {@link #NORMAL}
 * @param audience who receives it: subscribers whose filters match, confirmed residents of the regions, or one
 *                 person named when it is queued
 * @param regions  the regions the message concerns, already widened (see {@link RegionScope}); empty = anywhere
 */
public record MessageDraft(String key, String kind, int lane, Audience audience, String org, String domain,
        String item, Collection<String> regions, String subject, String text, String link,
        Map<String, String> fields) {

    public static final int PRIORITY = 0;
    public static final int NORMAL = 1;

    public enum Audience {
        SUBSCRIBERS, RESIDENTS, DIRECT
    }

    public MessageDraft {
        regions = regions == null ? List.of() : List.copyOf(regions);
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
