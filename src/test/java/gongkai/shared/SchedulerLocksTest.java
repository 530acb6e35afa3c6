package gongkai.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;

import gongkai.assessment.ObligationInbox;
import gongkai.support.PlatformTest;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

import static org.assertj.core.api.Assertions.assertThat;

/** Scheduled jobs lock their turn in the database (H2 here); a direct call is never locked out. */
@PlatformTest
class SchedulerLocksTest {

    @Autowired
    TaskScheduler scheduler;
    @Autowired
    LockProvider locks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObligationInbox obligations;

    @Test
    void aScheduledRunHoldsItsLockWhileItRunsAndReleasesItAfter() throws Exception {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shedlock", Integer.class)).isNotNull();
        CountingJob job = new CountingJob();
        job.hold = new CountDownLatch(1);
        ScheduledFuture<?> run = job.scheduleOn(scheduler, Instant.now());
        assertThat(job.started.await(10, TimeUnit.SECONDS)).isTrue();

        // While the scheduled run holds the lock, no one else gets it ...
        assertThat(tryLock()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT locked_by FROM shedlock WHERE name = ?", String.class,
                CountingJob.NAME)).isNotBlank();
        // ... yet a direct call, as a test or an administrator's button makes, still runs.
        job.hold.countDown();
        job.run();
        assertThat(job.runs).hasValue(2);

        run.get(10, TimeUnit.SECONDS);
        Thread.sleep(1_100); // lockAtLeastFor
        Optional<SimpleLock> after = tryLock();
        assertThat(after).isPresent();
        after.get().unlock();
    }

    @Test
    void aPlatformJobTakesTheLockNamedForIt() throws Exception {
        CountingJob.schedule(scheduler, obligations, "daily", Instant.now()).get(60, TimeUnit.SECONDS);
        Integer held = jdbc.queryForObject("SELECT COUNT(*) FROM shedlock WHERE name = 'assessment.obligations'",
                Integer.class);
        assertThat(held).isEqualTo(1);
        // The turn stays taken for a few minutes (lockAtLeastFor), so a node whose clock runs late skips it.
        assertThat(locks.lock(new LockConfiguration(Instant.now(), "assessment.obligations", Duration.ofMinutes(1),
                Duration.ZERO))).isEmpty();
    }

    private Optional<SimpleLock> tryLock() {
        return locks.lock(new LockConfiguration(Instant.now(), CountingJob.NAME, Duration.ofSeconds(5),
                Duration.ZERO));
    }
}
