package gongkai.ledger;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line verifier's proof checks (RFC 9162 §2.1.3.2 and §2.1.4.2) against an independent RFC 6962 tree,
 * its canonical JSON against RFC 8785's own examples, and its head signature check against a throwaway key.
 */
class VerifierRfc6962Test {

    private static ReferenceMerkleTree tree(int n) {
        return new ReferenceMerkleTree(IntStream.range(0, n).mapToObj(i -> "{\"action\":\"PUBLISH\",\"indexNo\":"
                + "\"ycsjyj/2026-" + String.format("%05d", i + 1) + "\",\"version\":1}").toList());
    }

    private static byte[] flipped(byte[] hash) {
        byte[] copy = hash.clone();
        copy[0] ^= 1;
        return copy;
    }

    private static List<byte[]> flippedAt(List<byte[]> path, int i) {
        List<byte[]> copy = new ArrayList<>(path);
        copy.set(i, flipped(path.get(i)));
        return copy;
    }

    @ParameterizedTest(name = "tree size {0}")
    @ValueSource(ints = {1, 2, 3, 5, 7, 8, 13})
    void everyLeafIsProvedAndNothingElse(int n) {
        ReferenceMerkleTree t = tree(n);
        byte[] root = t.root(n);
        for (int m = 0; m < n; m++) {
            List<byte[]> path = t.path(m, n);
            byte[] leaf = t.leafHash(m);
            assertThat(VerifierProgram.leafHash("{\"action\":\"PUBLISH\",\"indexNo\":\"ycsjyj/2026-"
                    + String.format("%05d", m + 1) + "\",\"version\":1}")).as("leaf hash %d", m).isEqualTo(leaf);
            assertThat(VerifierProgram.verifyInclusion(m, n, leaf, path, root)).as("leaf %d of %d", m, n).isTrue();

            assertThat(VerifierProgram.verifyInclusion(m, n, flipped(leaf), path, root)).as("other leaf").isFalse();
            assertThat(VerifierProgram.verifyInclusion(m, n, leaf, path, flipped(root))).as("other root").isFalse();
            assertThat(VerifierProgram.verifyInclusion(n, n, leaf, path, root)).as("index past the end").isFalse();
            List<byte[]> longer = new ArrayList<>(path);
            longer.add(root);
            assertThat(VerifierProgram.verifyInclusion(m, n, leaf, longer, root)).as("extra hash").isFalse();
            if (!path.isEmpty()) {
                assertThat(VerifierProgram.verifyInclusion(m, n, leaf, path.subList(0, path.size() - 1), root))
                        .as("truncated path").isFalse();
                for (int i = 0; i < path.size(); i++) {
                    assertThat(VerifierProgram.verifyInclusion(m, n, leaf, flippedAt(path, i), root))
                            .as("path hash %d altered", i).isFalse();
                }
                int other = (m + 1) % n;
                assertThat(VerifierProgram.verifyInclusion(other, n, leaf, path, root)).as("other index").isFalse();
            }
        }
    }

    @ParameterizedTest(name = "tree size {0}")
    @ValueSource(ints = {1, 2, 3, 5, 7, 8, 13})
    void everyEarlierTreeIsAPrefixAndAnAlteredOneIsNot(int n) {
        ReferenceMerkleTree t = tree(n);
        byte[] newRoot = t.root(n);
        for (int m = 1; m <= n; m++) {
            List<byte[]> proof = t.proof(m, n);
            byte[] oldRoot = t.root(m);
            assertThat(VerifierProgram.verifyConsistency(m, n, oldRoot, newRoot, proof)).as("%d → %d", m, n).isTrue();

            assertThat(VerifierProgram.verifyConsistency(m, n, flipped(oldRoot), newRoot, proof)).as("other old root")
                    .isFalse();
            assertThat(VerifierProgram.verifyConsistency(m, n, oldRoot, flipped(newRoot), proof)).as("other new root")
                    .isFalse();
            for (int i = 0; i < proof.size(); i++) {
                assertThat(VerifierProgram.verifyConsistency(m, n, oldRoot, newRoot, flippedAt(proof, i)))
                        .as("proof hash %d altered", i).isFalse();
            }
            if (!proof.isEmpty()) {
                assertThat(VerifierProgram.verifyConsistency(m, n, oldRoot, newRoot, proof.subList(1, proof.size())))
                        .as("truncated proof").isFalse();
            }
            if (m < n) {
                assertThat(VerifierProgram.verifyConsistency(m, n, oldRoot, newRoot, List.of())).as("empty proof")
                        .isFalse();
                assertThat(VerifierProgram.verifyConsistency(n, m, newRoot, oldRoot, proof)).as("shrunk").isFalse();
                // The old tree with its last leaf rewritten: same size, different root.
                List<String> rewritten = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    rewritten.add(i == m - 1 ? "{\"rewritten\":true}" : "{\"action\":\"PUBLISH\",\"indexNo\":"
                            + "\"ycsjyj/2026-" + String.format("%05d", i + 1) + "\",\"version\":1}");
                }
                ReferenceMerkleTree other = new ReferenceMerkleTree(rewritten);
                assertThat(VerifierProgram.verifyConsistency(m, n, oldRoot, other.root(n), other.proof(m, n)))
                        .as("history rewritten at leaf %d", m - 1).isFalse();
            }
        }
    }

    @Test
    void canonicalJsonFollowsRfc8785() {
        // RFC 8785 §3.2.2 (values, with ECMAScript numbers) and §3.2.3 (sorting by UTF-16 code units).
        assertThat(VerifierProgram.canonical("{\n \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, "
                + "0.000000000000000000000000001],\n \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\"
                + "\\\"\\/\",\n \"literals\": [null, true, false]\n}"))
                .isEqualTo("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
        assertThat(VerifierProgram.canonical("{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":"
                + "\"Hebrew Letter Dalet With Dagesh\",\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\","
                + "\"\\u0080\":\"Control\",\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}"))
                .isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin "
                        + "Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning "
                        + "Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
        assertThat(VerifierProgram.canonical("{\"b\":{\"z\":[1,{\"y\":2,\"x\":\"一\"}],\"a\":\"正文\\u2028\"},"
                + "\"a\":-0,\"c\":1.5e21,\"d\":123456789012,\"e\":1e-7}"))
                .isEqualTo("{\"a\":0,\"b\":{\"a\":\"正文\u2028\",\"z\":[1,{\"x\":\"一\",\"y\":2}]},\"c\":1.5e+21,"
                        + "\"d\":123456789012,\"e\":1e-7}");
    }

    @Test
    void aHeadSignedWithTheKeyIsAcceptedAndAnyChangeIsNot() throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String root = HexFormat.of().formatHex(tree(5).root(5));
        long timestamp = 1_795_766_400_000L;
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key.getPrivate());
        signer.update(("5|" + root + "|" + timestamp).getBytes(StandardCharsets.UTF_8));
        String signature = Base64.getEncoder().encodeToString(signer.sign());
        String publicKey = Base64.getEncoder().encodeToString(key.getPublic().getEncoded());
        String otherKey = Base64.getEncoder().encodeToString(KeyPairGenerator.getInstance("Ed25519")
                .generateKeyPair().getPublic().getEncoded());

        assertThat(verify(5, root, timestamp, signature, publicKey)).isTrue();
        assertThat(verify(6, root, timestamp, signature, publicKey)).as("other size").isFalse();
        assertThat(verify(5, HexFormat.of().formatHex(tree(4).root(4)), timestamp, signature, publicKey))
                .as("other root").isFalse();
        assertThat(verify(5, root, timestamp + 1, signature, publicKey)).as("other time").isFalse();
        assertThat(verify(5, root, timestamp, signature, otherKey)).as("other key").isFalse();
        assertThat(verify(5, root, timestamp, "not base64!", publicKey)).as("garbage signature").isFalse();
    }

    private static boolean verify(long size, String root, long timestamp, String signature, String key) {
        return (Boolean) VerifierProgram.call("verifyHeadSignature", size, root, timestamp, signature, key);
    }
}
