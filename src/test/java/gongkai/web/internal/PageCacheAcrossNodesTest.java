package gongkai.web.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import gongkai.publishing.RecordInput;
import gongkai.shared.PublicPagesChanged;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each node keeps its own pages; what one node changes reaches the others through the page_invalidation table. The
 * platform started here is node A; node B is a second cache with its own poller on the same database, read by calling
 * its poll directly (its thread is not started), so that nothing here waits on a clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PageCacheAcrossNodesTest {

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    PageCache nodeA;
    @Autowired
    PageInvalidationPoller pollerA;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    private PageCache nodeB;
    private PageInvalidationPoller pollerB;
    private PageInvalidationLog table;
    private final AtomicBoolean databaseDown = new AtomicBoolean();

    @BeforeEach
    void nodeB() {
        nodeB(Duration.ofMinutes(1));
    }

    /** Node B, reading the table through a connection that can fail, having read it once. */
    private void nodeB(Duration staleAfter) {
        DataSource flaky = new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                if (databaseDown.get()) {
                    throw new SQLException("the database does not answer");
                }
                return super.getConnection();
            }
        };
        table = new PageInvalidationLog(new JdbcTemplate(dataSource));
        nodeB = new PageCache(1 << 20, Duration.ofMinutes(10).toNanos());
        pollerB = new PageInvalidationPoller(new PageInvalidationLog(new JdbcTemplate(flaky)), nodeB,
                Duration.ofMillis(250), staleAfter, Duration.ofMinutes(10));
        pollerB.poll();
    }

    private void keep(PageCache node, String key, String... tags) {
        node.put(key, new PageCache.Page(("<p>" + key + "</p>").getBytes(), "text/html;charset=UTF-8", List.of(),
                Set.of(tags), Instant.now()), node.generation());
        assertThat(node.get(key)).as(key).isNotNull();
    }

    @Test
    void aPublicationOnOneNodeDropsWhatItTouchesOnTheOther() {
        keep(nodeB, "/", PublicPagesChanged.HOME);
        keep(nodeB, "/regions/360921", PublicPagesChanged.region("360921"));
        keep(nodeB, "/regions/360922", PublicPagesChanged.region("360922"));
        keep(nodeB, "/orgs/ycsmzj", PublicPagesChanged.org("ycsmzj"));

        review.publish(Staff.of("ycswjw"), new RecordInput("he-campaign", "ycswjw", "360921101", "分宜县义诊活动（跨节点测试）",
                "", null, LocalDate.of(2026, 11, 2), "<p>义诊。</p>", List.of(), null, null, null, null, List.of(),
                null, null));
        assertThat(nodeB.get("/")).as("not before B reads the table").isNotNull();
        pollerB.poll();

        assertThat(nodeB.get("/")).isNull();
        assertThat(nodeB.get("/regions/360921")).as("the county above the township").isNull();
        assertThat(nodeB.get("/regions/360922")).as("another county").isNotNull();
        assertThat(nodeB.get("/orgs/ycsmzj")).as("another organisation").isNotNull();
    }

    @Test
    void aChangeOnTheOtherNodeReachesThisOne() throws Exception {
        keep(nodeA, "/orgs/test-a", PublicPagesChanged.org("test-a"));
        // Node B's change, committed in its own transaction.
        table.append(Set.of(PublicPagesChanged.org("test-a")), Instant.now());
        pollerA.poll();
        assertThat(nodeA.get("/orgs/test-a")).isNull();
    }

    @Test
    void aChangeRolledBackWritesNothingAndDropsNothing() {
        keep(nodeA, "/orgs/rolled-back", PublicPagesChanged.org("rolled-back"));
        TransactionTemplate own = new TransactionTemplate(transactions);
        own.executeWithoutResult(s -> {
            events.publishEvent(PublicPagesChanged.of(PublicPagesChanged.org("rolled-back")));
            s.setRollbackOnly();
        });
        pollerA.poll();
        assertThat(new JdbcTemplate(dataSource).queryForObject(
                "SELECT COUNT(*) FROM page_invalidation WHERE tags LIKE '%rolled-back%'", Long.class)).isZero();
        assertThat(nodeA.get("/orgs/rolled-back")).isNotNull();
        // Committed, the same change is written with it and dropped here at once, before any poll.
        own.executeWithoutResult(
                s -> events.publishEvent(PublicPagesChanged.of(PublicPagesChanged.org("rolled-back"))));
        assertThat(nodeA.get("/orgs/rolled-back")).isNull();
    }

    @Test
    void aRowCommittedAfterOneWithAHigherIdIsNotMissed() throws Exception {
        keep(nodeB, "/orgs/early", PublicPagesChanged.org("early"));
        keep(nodeB, "/orgs/late", PublicPagesChanged.org("late"));
        TransactionTemplate own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        // A transaction takes its id first and commits last.
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> own.executeWithoutResult(s -> {
            table.append(Set.of(PublicPagesChanged.org("late")), Instant.now());
            inserted.countDown();
            try {
                assertThat(commit.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
        own.executeWithoutResult(s -> table.append(Set.of(PublicPagesChanged.org("early")), Instant.now()));
        pollerB.poll();
        assertThat(nodeB.get("/orgs/early")).isNull();
        assertThat(nodeB.get("/orgs/late")).isNotNull();

        commit.countDown();
        slow.get(30, TimeUnit.SECONDS);
        pollerB.poll();
        assertThat(nodeB.get("/orgs/late")).isNull();
    }

    @Test
    void aNodeThatCannotReadTheChangesServesNothingKeptAndStartsAfresh() throws Exception {
        nodeB(Duration.ofMillis(50));
        // Kept right after a read, within the 50 ms that read allows (again if the machine paused longer).
        boolean kept = false;
        for (int i = 0; i < 100 && !kept; i++) {
            pollerB.poll();
            nodeB.put("/orgs/kept", new PageCache.Page("<p>kept</p>".getBytes(), "text/html;charset=UTF-8",
                    List.of(), Set.of(PublicPagesChanged.org("kept")), Instant.now()), nodeB.generation());
            kept = nodeB.get("/orgs/kept") != null;
        }
        assertThat(kept).isTrue();
        databaseDown.set(true);
        pollerB.pollQuietly();
        // Longer than stale-after (50 ms) without a successful read.
        Thread.sleep(100);
        assertThat(nodeB.get("/orgs/kept")).isNull();
        databaseDown.set(false);
        pollerB.poll();
        assertThat(nodeB.get("/orgs/kept")).as("dropped: changes of the outage may be gone from the table").isNull();
        assertThat(nodeB.size()).isZero();
    }
}
