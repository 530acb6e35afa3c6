package gongkai.notify.internal;

import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import gongkai.GongkaiApplication;
import gongkai.notify.RecordingChannels;
import gongkai.support.PostgresTestDatabase;

/** The fan-out's SQL on PostgreSQL: the scenarios of {@link FanoutTest}, in chunks of two subscriptions. */
@Tag("postgres")
class FanoutPostgresTest {

    @RegisterExtension
    static final PostgresTestDatabase db = new PostgresTestDatabase();

    @TempDir
    Path dataDir;

    @Test
    void theFanOutKeepsItsPromisesOnPostgres() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GongkaiApplication.class,
                RecordingChannels.class).profiles("test")
                .run(db.platformArgs(dataDir, "--gongkai.notify.delivery.fanout-chunk=2"))) {
            FanoutScenarios scenarios = new FanoutScenarios(app.getBean(JdbcTemplate.class), app.getBean(Outbox.class),
                    app.getBean(RegionScope.class));
            scenarios.anAddressHearsOnceHoweverManyOfItsSubscriptionsMatch();
            scenarios.filtersNarrow();
            scenarios.regionsWiden();
            scenarios.digestSubscribersAreHeldExceptForWarnings();
        }
    }
}
