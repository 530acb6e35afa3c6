package gongkai.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import gongkai.notify.ChannelKind;

/** The delivery settings bind as the README documents them, a later source overriding one channel's rate. */
class DeliveryPropertiesTest {

    private static DeliveryProperties bind(Map<String, String> defaults, Map<String, String> overrides) {
        return new Binder(List.of(new MapConfigurationPropertySource(overrides),
                new MapConfigurationPropertySource(defaults)))
                .bindOrCreate("gongkai.notify.delivery", DeliveryProperties.class);
    }

    @Test
    void aRateSetForOneChannelOverridesTheDefaultAndLeavesTheOthers() {
        DeliveryProperties p = bind(Map.of("gongkai.notify.delivery.rate-per-second.SMS", "20",
                "gongkai.notify.delivery.rate-per-second.EMAIL", "20"),
                Map.of("gongkai.notify.delivery.rate-per-second.SMS", "10"));
        assertThat(p.ratePerSecond()).containsEntry(ChannelKind.SMS, 10.0).containsEntry(ChannelKind.EMAIL, 20.0)
                .containsEntry(ChannelKind.WEBHOOK, 50.0);
    }

    @Test
    void defaultsAndBackoff() {
        DeliveryProperties p = bind(Map.of(), Map.of());
        assertThat(p.broker()).isEqualTo("database");
        assertThat(p.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.backoff(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(p.backoff(30)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void anUnknownBrokerIsRefusedAtStart() {
        assertThatThrownBy(() -> bind(Map.of("gongkai.notify.delivery.broker", "kafka"), Map.of()))
                .hasRootCauseMessage("gongkai.notify.delivery.broker must be database or rabbitmq, not kafka");
    }
}
