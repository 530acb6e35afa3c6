package gongkai.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import gongkai.ledger.internal.LedgerStore;
import gongkai.ledger.internal.LedgerWriter;
import gongkai.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's roots, inclusion proofs and consistency proofs — computed from the stored subtrees — against an
 * independent implementation of RFC 6962 §2.1 ({@link Rfc6962}) over the full list of entry texts as the
 * entries API gives them, for small sizes, powers of two and their neighbours, and random pairs.
 */
@PlatformTest
class LedgerProofTest {

    private static final long[] SIZES = {1, 2, 3, 4, 5, 7, 8, 13, 16, 17, 31};

    @Autowired
    TransparencyLog ledger;
    @Autowired
    LedgerWriter writer;
    @Autowired
    LedgerStore store;

    private List<byte[]> entries;

    @BeforeEach
    void aLogOfAtLeastFortyEntries() {
        if (ledger.size() < 40) {
            TestEntries.appendEach(writer, (int) (40 - ledger.size()));
        }
        long size = ledger.size();
        entries = new ArrayList<>();
        for (long i = 0; i < size; i++) {
            LoggedEntry e = ledger.entry(i);
            assertThat(e.leafIndex()).isEqualTo(i);
            entries.add(e.entry().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void rootsEqualTheRecursiveTreeHashAndEveryStoredHeadOfThoseSizesIsSignedOverIt() {
        for (long n : SIZES) {
            String expected = HexFormat.of().formatHex(Rfc6962.mth(prefix(n)));
            assertThat(ledger.rootHash(n)).as("root of %d", n).isEqualTo(expected);
            store.head(n).ifPresent(head -> {
                assertThat(head.rootHash()).isEqualTo(expected);
                assertThat(head.signatureValid()).isTrue();
            });
        }
        SignedTreeHead newest = ledger.head();
        assertThat(newest.rootHash()).isEqualTo(HexFormat.of().formatHex(Rfc6962.mth(prefix(newest.treeSize()))));
    }

    @Test
    void everyAuditPathEqualsRfcPath() {
        for (long n : SIZES) {
            for (int m = 0; m < n; m++) {
                InclusionProof proof = ledger.inclusionProof(m, n);
                assertThat(proof.leafIndex()).isEqualTo(m);
                assertThat(proof.treeSize()).isEqualTo(n);
                assertThat(proof.auditPath()).as("PATH(%d, D[%d])", m, n)
                        .isEqualTo(Rfc6962.hex(Rfc6962.path(m, prefix(n))));
            }
        }
    }

    @Test
    void everyConsistencyProofEqualsRfcProof() {
        for (long n : SIZES) {
            for (long m : SIZES) {
                if (m <= n) {
                    ConsistencyProof proof = ledger.consistencyProof(m, n);
                    assertThat(proof.first()).isEqualTo(m);
                    assertThat(proof.second()).isEqualTo(n);
                    assertThat(proof.proof()).as("PROOF(%d, D[%d])", m, n)
                            .isEqualTo(Rfc6962.hex(Rfc6962.proof((int) m, prefix(n))));
                }
            }
        }
    }

    @Test
    void randomPairsAgreeToo() {
        Random random = new Random(6962);
        int size = entries.size();
        for (int i = 0; i < 300; i++) {
            int n = 1 + random.nextInt(size);
            int m = random.nextInt(n);
            assertThat(ledger.inclusionProof(m, n).auditPath()).as("PATH(%d, D[%d])", m, n)
                    .isEqualTo(Rfc6962.hex(Rfc6962.path(m, prefix(n))));
            int first = 1 + random.nextInt(n);
            assertThat(ledger.consistencyProof(first, n).proof()).as("PROOF(%d, D[%d])", first, n)
                    .isEqualTo(Rfc6962.hex(Rfc6962.proof(first, prefix(n))));
        }
    }

    private List<byte[]> prefix(long n) {
        return entries.subList(0, (int) n);
    }
}
