package gongkai.ledger;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.ledger.internal.LedgerStore;
import gongkai.ledger.internal.LedgerWriter;
import gongkai.ledger.internal.MerkleTree;
import gongkai.ledger.internal.MerkleTree.Subtree;
import gongkai.ledger.internal.ProofPlan;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.NotFoundProblem;

/**
 * Reading the transparency log: signed tree heads, entries, and RFC 6962 inclusion and consistency proofs, each
 * computed from O(log n) stored subtree hashes. What API.md ("The transparency log") promises outside verifiers.
 * Every check of a parameter names it in Chinese; nothing here changes the log.
 */
@Service
@Transactional(readOnly = true)
public class TransparencyLog {

    private static final HexFormat HEX = HexFormat.of();

    private final LedgerStore store;
    private final LedgerWriter writer;

    TransparencyLog(LedgerStore store, LedgerWriter writer) {
        this.store = store;
        this.writer = writer;
    }

    /** How many entries the log holds. */
    public long size() {
        return store.size();
    }

    /** The newest signed tree head. */
    public SignedTreeHead head() {
        List<SignedTreeHead> newest = store.newestHeads(1);
        if (!newest.isEmpty()) {
            return newest.get(0);
        }
        // Only before the start-up signing has run: sign the head of the log as it is now.
        writer.ensureHead();
        return store.newestHeads(1).get(0);
    }

    /** The newest signed head of exactly this size. */
    public SignedTreeHead head(long treeSize) {
        if (treeSize < 0) {
            throw new InvalidInputProblem("treeSize", "参数“treeSize”（树大小）不能为负数。");
        }
        return store.head(treeSize).orElseThrow(() -> new NotFoundProblem("参数“treeSize”：没有树大小为 " + treeSize
                + " 的签名树头（每次追加后签名一次，只有这些大小有树头）。"));
    }

    /** An entry by its position. */
    public LoggedEntry entry(long leafIndex) {
        if (leafIndex < 0) {
            throw new InvalidInputProblem("leafIndex", "参数“leafIndex”（叶子序号）不能为负数。");
        }
        return store.leaf(leafIndex).map(l -> new LoggedEntry(l.leafIndex(), l.entry(), l.leafHash()))
                .orElseThrow(() -> new NotFoundProblem("参数“leafIndex”：账本中没有序号为 " + leafIndex + " 的条目。"));
    }

    /** The newest entry about this version of a record. */
    public Optional<LoggedEntry> entryFor(String indexNo, int version) {
        return store.latestFor(indexNo, version).map(l -> new LoggedEntry(l.leafIndex(), l.entry(), l.leafHash()));
    }

    /** The audit path of a leaf in the tree of the given size. */
    public InclusionProof inclusionProof(long leafIndex, long treeSize) {
        long size = store.size();
        if (treeSize < 1 || treeSize > size) {
            throw new InvalidInputProblem("treeSize", "参数“treeSize”（树大小）应在 1 到 " + size + " 之间。");
        }
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new InvalidInputProblem("leafIndex", "参数“leafIndex”（叶子序号）应在 0 到 " + (treeSize - 1)
                    + " 之间（小于树大小）。");
        }
        return new InclusionProof(leafIndex, treeSize, hashes(ProofPlan.inclusion(leafIndex, treeSize)));
    }

    /** The proof that the tree of size first is a prefix of the tree of size second. */
    public ConsistencyProof consistencyProof(long first, long second) {
        long size = store.size();
        if (second < 1 || second > size) {
            throw new InvalidInputProblem("second", "参数“second”（较大的树大小）应在 1 到 " + size + " 之间。");
        }
        if (first < 1 || first > second) {
            throw new InvalidInputProblem("first", "参数“first”（较小的树大小）应在 1 到 second（" + second
                    + "）之间。");
        }
        return new ConsistencyProof(first, second, hashes(ProofPlan.consistency(first, second)));
    }

    /** The RFC 6962 root of the first treeSize leaves, from the stored subtrees. */
    public String rootHash(long treeSize) {
        if (treeSize == 0) {
            return HEX.formatHex(MerkleTree.emptyRoot());
        }
        return hashes(ProofPlan.root(treeSize)).get(0);
    }

    private List<String> hashes(ProofPlan plan) {
        Map<Subtree, byte[]> stored = store.subtrees(plan.subtrees());
        return plan.hashes(stored).stream().map(HEX::formatHex).toList();
    }
}
