package gongkai.ledger.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gongkai.ledger.Rfc6962;
import gongkai.ledger.internal.MerkleTree.Subtree;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tree arithmetic without a database: subtrees stored as appends complete them, then every root and every
 * proof of every size up to 70 planned from them and compared with the RFC's own definitions; the RFC 9162
 * verifiers accept each proof and refuse altered ones.
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rootsAndProofsFromStoredSubtreesEqualTheRfcDefinitionsForEverySizeUpTo70() {
        List<byte[]> entries = new ArrayList<>();
        Map<Subtree, byte[]> stored = new HashMap<>();
        Frontier frontier = Frontier.empty();
        assertThat(frontier.root()).isEqualTo(Rfc6962.mth(entries));
        for (int n = 1; n <= 70; n++) {
            byte[] entry = ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8);
            entries.add(entry);
            byte[] leaf = MerkleTree.leafHash(entry);
            stored.put(new Subtree(0, n - 1), leaf);
            frontier.append(leaf).forEach(node -> stored.put(node.subtree(), node.hash()));

            byte[] root = Rfc6962.mth(entries);
            assertThat(HEX.formatHex(frontier.root())).as("frontier root of %d", n).isEqualTo(HEX.formatHex(root));
            assertThat(HEX.formatHex(ProofPlan.root(n).hashes(stored).get(0))).isEqualTo(HEX.formatHex(root));
            for (int m = 0; m < n; m++) {
                List<byte[]> path = ProofPlan.inclusion(m, n).hashes(stored);
                assertThat(Rfc6962.hex(path)).as("PATH(%d, D[%d])", m, n)
                        .isEqualTo(Rfc6962.hex(Rfc6962.path(m, entries)));
                assertThat(MerkleTree.verifyInclusion(m, n, stored.get(new Subtree(0, m)), path, root)).isTrue();
                if (!path.isEmpty()) {
                    List<byte[]> altered = new ArrayList<>(path);
                    altered.set(0, MerkleTree.leafHash(new byte[] {1}));
                    assertThat(MerkleTree.verifyInclusion(m, n, stored.get(new Subtree(0, m)), altered, root))
                            .isFalse();
                }
                assertThat(MerkleTree.verifyInclusion(m, n, MerkleTree.leafHash(new byte[] {9}), path, root)).isFalse();
                assertThat(MerkleTree.verifyInclusion(n, n, stored.get(new Subtree(0, m)), path, root)).isFalse();
            }
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = ProofPlan.consistency(m, n).hashes(stored);
                assertThat(Rfc6962.hex(proof)).as("PROOF(%d, D[%d])", m, n)
                        .isEqualTo(Rfc6962.hex(Rfc6962.proof(m, entries)));
                byte[] oldRoot = Rfc6962.mth(entries.subList(0, m));
                assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, root, proof)).as("verify %d→%d", m, n)
                        .isTrue();
                if (m < n) {
                    assertThat(MerkleTree.verifyConsistency(m, n, MerkleTree.leafHash(new byte[] {7}), root, proof))
                            .isFalse();
                }
            }
        }
    }

    @Test
    void aProofNeedsOnlyLogarithmicallyManySubtrees() {
        long n = 1_000_000;
        for (long m : new long[] {0, 1, 524_287, 524_288, 999_999}) {
            assertThat(ProofPlan.inclusion(m, n).subtrees().size()).isLessThanOrEqualTo(2 * 20);
        }
        for (long m : new long[] {1, 3, 524_288, 700_001, 999_999}) {
            assertThat(ProofPlan.consistency(m, n).subtrees().size()).isLessThanOrEqualTo(2 * 20);
        }
        assertThat(ProofPlan.root(n).subtrees()).hasSize(Long.bitCount(n));
    }
}
