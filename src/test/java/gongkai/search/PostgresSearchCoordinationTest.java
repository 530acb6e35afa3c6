package gongkai.search;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import gongkai.GongkaiApplication;
import gongkai.publishing.Decision;
import gongkai.publishing.Drafting;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordInput;
import gongkai.support.PostgresTestDatabase;
import gongkai.support.Staff;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several nodes, by configuration only: with Hibernate Search's outbox-polling coordination on PostgreSQL the
 * platform starts (its tables come from the migrations and pass schema validation), and a publication reaches the
 * index through the outbox — asynchronously, as on several nodes.
 */
@Tag("postgres")
class PostgresSearchCoordinationTest {

    @RegisterExtension
    static final PostgresTestDatabase db = new PostgresTestDatabase();

    @TempDir
    Path dataDir;

    @Test
    void aPublicationReachesTheIndexThroughTheOutbox() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GongkaiApplication.class)
                .profiles("test").run(db.platformArgs(dataDir,
                        "--spring.jpa.properties.hibernate.search.coordination.strategy=outbox-polling",
                        "--spring.jpa.properties.hibernate.search.indexing.plan.synchronization.strategy="))) {
            Publishing publishing = app.getBean(Publishing.class);
            Drafting drafting = app.getBean(Drafting.class);
            RecordSearch search = app.getBean(RecordSearch.class);
            Staff s = Staff.of("ycstyj");
            RecordInput input = new RecordInput("cs-activities", "ycstyj", "360900", "全民健身月登山活动安排", "", null,
                    LocalDate.of(2026, 8, 8), "<p>登山活动在明月山举行。</p>", List.of("全民健身"), null, null, null,
                    null, null, null, null);
            String ref = as(s.editor(), () -> drafting.create(input));
            as(s.editor(), () -> publishing.submit(ref));
            as(s.reviewer(), () -> publishing.review(ref, Decision.PASS, ""));
            as(s.approver(), () -> publishing.approve(ref, Decision.PASS, "", null, null));

            Instant until = Instant.now().plus(Duration.ofSeconds(60));
            long found = 0;
            while (found == 0 && Instant.now().isBefore(until)) {
                found = search.search(SearchQuery.of("登山活动")).total();
                if (found == 0) {
                    Thread.sleep(200);
                }
            }
            assertThat(found).as("the publication reached the index through the outbox").isEqualTo(1);
            assertThat(app.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM hsearch_agent",
                    Long.class)).as("this node registered itself as an event processor").isPositive();
        }
    }
}
