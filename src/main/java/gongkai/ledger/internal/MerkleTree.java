package gongkai.ledger.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RFC 6962 §2.1 arithmetic over a log whose complete (perfect) subtrees are stored. A subtree is named by its level
 * (0 for a leaf) and its index at that level, and covers leaves {@code [index·2^level, (index+1)·2^level)}.
 * Every hash a root or a proof needs is the hash of a range {@code [start, end)} whose start is a multiple of the
 * largest power of two below its length, so it is a handful of stored subtrees folded from the right: a proof is
 * planned first (which subtrees), then the store is asked once, then the hashes are combined. O(log n) subtrees,
 * whatever the size of the log.
 */
public final class MerkleTree {

    /** A complete subtree of 2^level leaves starting at leaf index·2^level. */
    public record Subtree(int level, long index) {
        public long firstLeaf() {
            return index << level;
        }
    }

    /** A range of leaves [start, end) whose RFC 6962 hash a root or proof needs. */
    record Range(long start, long end) {
    }

    private MerkleTree() {
    }

    /** SHA-256 of the empty string: the root of the empty tree. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** RFC 6962 leaf hash: SHA-256(0x00 ‖ entry). */
    public static byte[] leafHash(byte[] entry) {
        MessageDigest d = sha256();
        d.update((byte) 0);
        return d.digest(entry);
    }

    /** RFC 6962 interior node hash: SHA-256(0x01 ‖ left ‖ right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest d = sha256();
        d.update((byte) 1);
        d.update(left);
        return d.digest(right);
    }

    /** The largest power of two strictly below n (n ≥ 2). */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /**
     * The complete subtrees that make up [start, end), largest first. Valid for the ranges roots and proofs use,
     * whose start is aligned to the largest of them.
     */
    static List<Subtree> subtrees(Range range) {
        List<Subtree> parts = new ArrayList<>();
        long s = range.start();
        long remaining = range.end() - s;
        while (remaining > 0) {
            long size = Long.highestOneBit(remaining);
            if (s % size != 0) {
                throw new IllegalStateException("Range " + range + " is not made of aligned subtrees");
            }
            parts.add(new Subtree(Long.numberOfTrailingZeros(size), s / size));
            s += size;
            remaining -= size;
        }
        return parts;
    }

    /** The ranges whose hashes form the audit path of leaf m in a tree of n leaves, in RFC 6962 PATH order. */
    static List<Range> auditPath(long m, long n) {
        List<Range> path = new ArrayList<>();
        long s = 0;
        long e = n;
        while (e - s > 1) {
            long k = split(e - s);
            if (m < s + k) {
                path.add(new Range(s + k, e));
                e = s + k;
            } else {
                path.add(new Range(s, s + k));
                s += k;
            }
        }
        Collections.reverse(path);
        return path;
    }

    /** The ranges whose hashes form the consistency proof from size m to size n, in RFC 6962 PROOF order. */
    static List<Range> consistency(long m, long n) {
        List<Range> proof = new ArrayList<>();
        if (m <= 0 || m >= n) {
            return proof;
        }
        long s = 0;
        long e = n;
        boolean whole = true;
        while (true) {
            if (m == e) {
                if (!whole) {
                    proof.add(new Range(s, e));
                }
                break;
            }
            long k = split(e - s);
            if (m <= s + k) {
                proof.add(new Range(s + k, e));
                e = s + k;
            } else {
                proof.add(new Range(s, s + k));
                s += k;
                whole = false;
            }
        }
        Collections.reverse(proof);
        return proof;
    }

    /** Every subtree the given ranges are made of, each once. */
    static Set<Subtree> needed(List<Range> ranges) {
        Set<Subtree> keys = new LinkedHashSet<>();
        ranges.forEach(r -> keys.addAll(subtrees(r)));
        return keys;
    }

    /** The RFC 6962 hash of a range from the stored hashes of its subtrees. */
    static byte[] hash(Range range, Map<Subtree, byte[]> stored) {
        List<Subtree> parts = subtrees(range);
        byte[] h = require(stored, parts.get(parts.size() - 1));
        for (int i = parts.size() - 2; i >= 0; i--) {
            h = nodeHash(require(stored, parts.get(i)), h);
        }
        return h;
    }

    private static byte[] require(Map<Subtree, byte[]> stored, Subtree key) {
        byte[] h = stored.get(key);
        if (h == null) {
            throw new IllegalStateException("Ledger subtree " + key + " is missing from the store");
        }
        return h;
    }

    /** RFC 9162 §2.1.3.2: whether an audit path proves leafHash at leafIndex under root in a tree of treeSize. */
    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path,
            byte[] root) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162 §2.1.4.2: whether a consistency proof shows that the tree of size first is a prefix of second. */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
            List<byte[]> proof) {
        if (first <= 0 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot) && sn == 0;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
