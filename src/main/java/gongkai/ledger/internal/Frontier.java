package gongkai.ledger.internal;

import java.util.ArrayList;
import java.util.List;

import gongkai.ledger.internal.MerkleTree.Subtree;

/**
 * The right edge of a log: the complete subtrees that make up its leaves, largest first (one per 1-bit of the
 * size). Appending a leaf completes some subtrees, which are handed to the caller to be stored; the root is the
 * edge folded from the right. This is all an append needs to know about the existing log.
 */
public final class Frontier {

    /** A complete subtree with its hash. */
    public record Node(Subtree subtree, byte[] hash) {
    }

    private final List<Node> edge;
    private long size;

    private Frontier(List<Node> edge, long size) {
        this.edge = edge;
        this.size = size;
    }

    public static Frontier empty() {
        return new Frontier(new ArrayList<>(), 0);
    }

    /** The edge of a log of {@code size} leaves, from the stored hashes of its subtrees. */
    public static Frontier of(long size, java.util.Map<Subtree, byte[]> stored) {
        List<Node> edge = new ArrayList<>();
        for (Subtree s : edgeOf(size)) {
            byte[] h = stored.get(s);
            if (h == null) {
                throw new IllegalStateException("Ledger subtree " + s + " is missing from the store");
            }
            edge.add(new Node(s, h));
        }
        return new Frontier(edge, size);
    }

    /** Which subtrees form the edge of a log of this size. */
    public static List<Subtree> edgeOf(long size) {
        return size == 0 ? List.of() : MerkleTree.subtrees(new MerkleTree.Range(0, size));
    }

    public long size() {
        return size;
    }

    /** Appends a leaf hash; returns the subtrees of level ≥ 1 it completed, lowest first. */
    public List<Node> append(byte[] leafHash) {
        List<Node> completed = new ArrayList<>();
        Node node = new Node(new Subtree(0, size), leafHash);
        while (!edge.isEmpty() && edge.get(edge.size() - 1).subtree().level() == node.subtree().level()) {
            Node left = edge.remove(edge.size() - 1);
            node = new Node(new Subtree(node.subtree().level() + 1, left.subtree().index() >> 1),
                    MerkleTree.nodeHash(left.hash(), node.hash()));
            completed.add(node);
        }
        edge.add(node);
        size++;
        return completed;
    }

    /** The RFC 6962 root of the log as it now stands. */
    public byte[] root() {
        if (edge.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        byte[] h = edge.get(edge.size() - 1).hash();
        for (int i = edge.size() - 2; i >= 0; i--) {
            h = MerkleTree.nodeHash(edge.get(i).hash(), h);
        }
        return h;
    }
}
