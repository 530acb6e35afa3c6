package gongkai.notify.internal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import gongkai.notify.NotifyTest;

/** The fan-out on H2 ({@link FanoutScenarios}), in chunks of two subscriptions. */
@NotifyTest
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
