package gongkai.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import gongkai.ledger.internal.LedgerSelfCheck;
import gongkai.ledger.internal.LedgerSelfCheck.Kind;
import gongkai.ledger.internal.LedgerWriter;
import gongkai.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Appends from many threads at once: each gets its own leaves, the indices stay dense and every head is sound. */
@PlatformTest
class LedgerConcurrencyTest {

    @Autowired
    LedgerWriter writer;
    @Autowired
    TransparencyLog ledger;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LedgerSelfCheck selfCheck;

    @Test
    void concurrentAppendsKeepLeafIndicesDense() throws Exception {
        long before = ledger.size();
        long appended = appendConcurrently(writer, 6, 15);
        assertThat(ledger.size()).isEqualTo(before + appended);
        assertDense(jdbc, ledger);
        assertThat(selfCheck.run("test").orElseThrow().problems()).extracting(LedgerSelfCheck.Problem::kind)
                .doesNotContain(Kind.LEAF_MISSING, Kind.LEAF_HASH, Kind.NODE_HASH, Kind.ROOT, Kind.CONSISTENCY,
                        Kind.SIGNATURE, Kind.HEAD_SIZE);
    }

    /** Appends from several threads at once, each {@code perThread} times one or two entries; returns how many. */
    static long appendConcurrently(LedgerWriter writer, int threads, int perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        long total = 0;
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                for (int i = 0; i < perThread; i++) {
                    total += 1 + (thread + i) % 2;
                }
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        writer.append(TestEntries.batch(1 + (thread + i) % 2));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return total;
    }

    /** Leaf indices run from 0 without a gap, and the newest head covers them all and is signed. */
    static void assertDense(JdbcTemplate jdbc, TransparencyLog ledger) {
        long size = ledger.size();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_leaf", Long.class)).isEqualTo(size);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT leaf_index) FROM ledger_leaf", Long.class))
                .isEqualTo(size);
        assertThat(jdbc.queryForObject("SELECT MIN(leaf_index) FROM ledger_leaf", Long.class)).isZero();
        SignedTreeHead head = ledger.head();
        assertThat(head.treeSize()).isEqualTo(size);
        assertThat(head.signatureValid()).isTrue();
        assertThat(head.rootHash()).isEqualTo(ledger.rootHash(size));
    }
}
