package gongkai.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent RFC 6962 §2.1 Merkle tree, written from the RFC's recursive definitions (MTH, PATH, PROOF) and
 * sharing no code with the verifiers it checks them against. Slow on purpose: clarity over speed.
 */
final class ReferenceMerkleTree {

    private final List<byte[]> leaves = new ArrayList<>();

    ReferenceMerkleTree(List<String> entries) {
        entries.forEach(this::append);
    }

    void append(String entry) {
        leaves.add(entry.getBytes(StandardCharsets.UTF_8));
    }

    int size() {
        return leaves.size();
    }

    /** MTH(D[n]) of the first {@code n} leaves. */
    byte[] root(int n) {
        return mth(leaves.subList(0, n));
    }

    byte[] leafHash(int m) {
        return hash(new byte[] {0}, leaves.get(m));
    }

    /** PATH(m, D[n]): the audit path of leaf {@code m} in the tree of the first {@code n} leaves. */
    List<byte[]> path(int m, int n) {
        return path(m, leaves.subList(0, n));
    }

    /** PROOF(m, D[n]): the consistency proof from the first {@code m} leaves to the first {@code n}. */
    List<byte[]> proof(int m, int n) {
        return subproof(m, leaves.subList(0, n), true);
    }

    private static byte[] mth(List<byte[]> d) {
        int n = d.size();
        if (n == 0) {
            return hash();
        }
        if (n == 1) {
            return hash(new byte[] {0}, d.get(0));
        }
        int k = split(n);
        return hash(new byte[] {1}, mth(d.subList(0, k)), mth(d.subList(k, n)));
    }

    private static List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        List<byte[]> out = new ArrayList<>();
        if (n <= 1) {
            return out;
        }
        int k = split(n);
        if (m < k) {
            out.addAll(path(m, d.subList(0, k)));
            out.add(mth(d.subList(k, n)));
        } else {
            out.addAll(path(m - k, d.subList(k, n)));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        List<byte[]> out = new ArrayList<>();
        if (m == n) {
            if (!b) {
                out.add(mth(d));
            }
            return out;
        }
        int k = split(n);
        if (m <= k) {
            out.addAll(subproof(m, d.subList(0, k), b));
            out.add(mth(d.subList(k, n)));
        } else {
            out.addAll(subproof(m - k, d.subList(k, n), false));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    /** The largest power of two smaller than n (n > 1). */
    private static int split(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    private static byte[] hash(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
