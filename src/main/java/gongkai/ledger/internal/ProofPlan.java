package gongkai.ledger.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import gongkai.ledger.internal.MerkleTree.Range;
import gongkai.ledger.internal.MerkleTree.Subtree;

/**
 * Which ranges of leaves a root or proof consists of, and so which stored subtrees it needs: planned from the sizes
 * alone, so the store is asked once, then combined.
 */
public final class ProofPlan {

    private final List<Range> ranges;

    private ProofPlan(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** The root of a tree of size n ≥ 1. */
    public static ProofPlan root(long n) {
        return new ProofPlan(List.of(new Range(0, n)));
    }

    /** The audit path of leaf m in a tree of n. */
    public static ProofPlan inclusion(long m, long n) {
        return new ProofPlan(MerkleTree.auditPath(m, n));
    }

    /** The consistency proof from size m to size n. */
    public static ProofPlan consistency(long m, long n) {
        return new ProofPlan(MerkleTree.consistency(m, n));
    }

    /** The stored subtrees the plan needs. */
    public Set<Subtree> subtrees() {
        return MerkleTree.needed(ranges);
    }

    /** The hashes, in order, from the stored subtrees. */
    public List<byte[]> hashes(Map<Subtree, byte[]> stored) {
        return ranges.stream().map(r -> MerkleTree.hash(r, stored)).toList();
    }
}
