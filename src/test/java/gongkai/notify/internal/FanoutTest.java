package gongkai.notify.internal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import gongkai.notify.RecordingChannels;
import gongkai.support.PlatformTest;

/** The fan-out on H2 ({@link FanoutScenarios}), in chunks of two subscriptions. */
@PlatformTest
@Import(RecordingChannels.class)
@TestPropertySource(properties = "gongkai.notify.delivery.fanout-chunk=2")
class FanoutTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Outbox outbox;

    @Autowired
    RegionScope scope;

    FanoutScenarios scenarios;

    @BeforeEach
    void scenarios() {
        scenarios = new FanoutScenarios(jdbc, outbox, scope);
    }

    @Test
    void anAddressHearsOnceHoweverManyOfItsSubscriptionsMatch() {
        scenarios.anAddressHearsOnceHoweverManyOfItsSubscriptionsMatch();
    }

    @Test
    void eachKindOfFilterNarrows() {
        scenarios.filtersNarrow();
    }

    @Test
    void aMessageReachesTheRegionsAboveAndBelowItsOwn() {
        scenarios.regionsWiden();
    }

    @Test
    void digestSubscribersAreHeldExceptForWarnings() {
        scenarios.digestSubscribersAreHeldExceptForWarnings();
    }
}
