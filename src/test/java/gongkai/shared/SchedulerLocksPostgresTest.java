package gongkai.shared;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;

import gongkai.GongkaiApplication;
import gongkai.support.PostgresTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL database, each with its own scheduler: a locked job that both fire at the same moment
 * runs once per turn, and runs again once its lock has ended.
 */
@Tag("postgres")
class SchedulerLocksPostgresTest {

    @RegisterExtension
    static final PostgresTestDatabase db = new PostgresTestDatabase();

    @TempDir
    Path nodeA;
    @TempDir
    Path nodeB;

    @Test
    void twoNodesFiringTheSameJobAtOnceRunItOncePerTurn() throws Exception {
        try (ConfigurableApplicationContext a = node(nodeA); ConfigurableApplicationContext b = node(nodeB)) {
            TaskScheduler schedulerA = a.getBean(TaskScheduler.class);
            TaskScheduler schedulerB = b.getBean(TaskScheduler.class);
            // One job; each node hands it to its own scheduler, as each node's @Scheduled would.
            CountingJob job = new CountingJob();

            for (int turn = 1; turn <= 2; turn++) {
                // The run that wins holds on until the other node has had its turn, however late its thread is.
                job.hold = new CountDownLatch(1);
                Instant at = Instant.now().plusMillis(300);
                ScheduledFuture<?> onA = job.scheduleOn(schedulerA, at);
                ScheduledFuture<?> onB = job.scheduleOn(schedulerB, at);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!onA.isDone() && !onB.isDone() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(onA.isDone() || onB.isDone()).as("one node skipped turn %d", turn).isTrue();
                assertThat(job.runs).as("runs during turn %d", turn).hasValue(turn);
                job.hold.countDown();
                onA.get(20, TimeUnit.SECONDS);
                onB.get(20, TimeUnit.SECONDS);
                assertThat(job.runs).as("runs after turn %d", turn).hasValue(turn);
                // The lock ends lockAtLeastFor (1 s) after it was taken; the next turn may then run.
                Thread.sleep(1_200);
            }
            assertThat(a.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT COUNT(*) FROM shedlock WHERE name = ?", Integer.class, CountingJob.NAME)).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext node(Path dataDir) {
        return new SpringApplicationBuilder(GongkaiApplication.class).profiles("test").run(db.platformArgs(dataDir));
    }
}
