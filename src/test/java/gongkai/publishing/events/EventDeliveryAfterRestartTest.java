package gongkai.publishing.events;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import gongkai.GongkaiApplication;
import gongkai.publishing.Decision;
import gongkai.publishing.Drafting;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordInput;
import gongkai.publishing.Records;
import gongkai.support.Staff;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event of a publication is committed with it (transactional outbox). If the process stops before a listener
 * has handled it, the next start delivers it: nothing is lost.
 */
class EventDeliveryAfterRestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(String probe) {
        return new SpringApplicationBuilder(GongkaiApplication.class).profiles("test").run("--server.port=0",
                "--gongkai.data-dir=" + dataDir, "--gongkai.test.event-probe=" + probe,
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("db/gongkai")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
    }

    @Test
    void aPublicationWhoseListenerDidNotCompleteIsDeliveredAfterARestart() throws Exception {
        String indexNo;
        try (ConfigurableApplicationContext app = start("fail")) {
            Publishing publishing = app.getBean(Publishing.class);
            Drafting drafting = app.getBean(Drafting.class);
            Staff s = Staff.of("ycsjyj");
            RecordInput input = new RecordInput("ed-dropout", "ycsjyj", "360900", "2026年秋季学期控辍保学工作进展", "",
                    null, LocalDate.of(2026, 10, 9), "<p>全市义务教育阶段学生保持零辍学。</p>", List.of("控辍保学"), null,
                    null, null, null, null, null, null);
            String ref = as(s.editor(), () -> drafting.create(input));
            as(s.editor(), () -> publishing.submit(ref));
            as(s.reviewer(), () -> publishing.review(ref, Decision.PASS, ""));
            as(s.approver(), () -> publishing.approve(ref, Decision.PASS, "", null, null));
            indexNo = app.getBean(Records.class).view(ref, null).indexNo();
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            waitFor(() -> jdbc.queryForObject("SELECT COUNT(*) FROM event_publication WHERE event_type LIKE "
                    + "'%RecordPublished' AND listener_id LIKE '%EventProbe%'", Long.class) == 1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_publication WHERE listener_id LIKE "
                    + "'%EventProbe%' AND completion_date IS NULL", Long.class)).isEqualTo(1);
        }
        assertThat(EventProbe.RECEIVED).doesNotContain(indexNo);

        try (ConfigurableApplicationContext app = start("deliver")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            String published = indexNo;
            waitFor(() -> EventProbe.RECEIVED.contains(published));
            waitFor(() -> jdbc.queryForObject("SELECT COUNT(*) FROM event_publication WHERE listener_id LIKE "
                    + "'%EventProbe%' AND completion_date IS NULL", Long.class) == 0);
        }
        assertThat(EventProbe.RECEIVED).containsOnlyOnce(indexNo);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(50);
        }
    }
}
