package gongkai.web.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import gongkai.GongkaiApplication;
import gongkai.publishing.RecordInput;
import gongkai.shared.PublicPagesChanged;
import gongkai.support.PostgresTestDatabase;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page invalidation table on PostgreSQL (migration V18, the same as on H2): a publication writes its row in its
 * own transaction, and a second node reading the table drops the pages it touches.
 */
@Tag("postgres")
class PageCacheOnPostgresTest {

    @RegisterExtension
    static final PostgresTestDatabase db = new PostgresTestDatabase();

    @TempDir
    Path dataDir;

    @Test
    void aPublicationReachesTheOtherNodeThroughTheTable() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GongkaiApplication.class)
                .profiles("test").run(db.platformArgs(dataDir))) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            PageCache nodeB = new PageCache(1 << 20, Duration.ofMinutes(10).toNanos());
            PageInvalidationPoller pollerB = new PageInvalidationPoller(new PageInvalidationLog(jdbc), nodeB,
                    Duration.ofMillis(250), Duration.ofMinutes(1), Duration.ofMinutes(10));
            pollerB.poll();
            for (String tag : new String[] {PublicPagesChanged.HOME, PublicPagesChanged.org("ycsjyj")}) {
                nodeB.put(tag, new PageCache.Page("<p>x</p>".getBytes(), "text/html;charset=UTF-8", List.of(),
                        Set.of(tag), Instant.now()), nodeB.generation());
            }

            String indexNo = ThreeStepReview.in(app).publish(Staff.of("ycstyj"), new RecordInput("cs-activities",
                    "ycstyj", "360900", "全民健身月登山活动安排", "", null, LocalDate.of(2026, 8, 8),
                    "<p>登山活动在明月山举行。</p>", List.of(), null, null, null, null, null, null, null));
            assertThat(jdbc.queryForList("SELECT tags FROM page_invalidation", String.class))
                    .anySatisfy(tags -> assertThat(tags.split(" ")).contains(PublicPagesChanged.HOME,
                            PublicPagesChanged.record(indexNo), PublicPagesChanged.org("ycstyj")));
            pollerB.poll();

            assertThat(nodeB.get(PublicPagesChanged.HOME)).isNull();
            assertThat(nodeB.get(PublicPagesChanged.org("ycsjyj"))).as("another organisation").isNotNull();
        }
    }
}
