package gongkai.notify.internal.channel;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import gongkai.notify.ChannelKind;

/**
 * The channels of this platform by kind. Where two implement one kind (a deployment's own adapter beside the
 * built-in one), the configured one is used.
 */
@Component
public class Channels {

    private final Map<ChannelKind, Channel> byKind = new EnumMap<>(ChannelKind.class);

    Channels(List<Channel> channels) {
        for (Channel c : channels) {
            Channel known = byKind.get(c.kind());
            if (known == null || !known.configured()) {
                byKind.put(c.kind(), c);
            }
        }
    }

    /** The channel of a kind if it is configured. */
    public Optional<Channel> configured(ChannelKind kind) {
        return Optional.ofNullable(byKind.get(kind)).filter(Channel::configured);
    }

    /** The kinds a subscriber may choose here. */
    public List<ChannelKind> available() {
        return Arrays.stream(ChannelKind.values()).filter(k -> configured(k).isPresent()).toList();
    }
}
