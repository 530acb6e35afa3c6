package gongkai.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * A signed tree head (签名树头): the log's size and RFC 6962 root at a moment, signed with the platform's Ed25519
 * key. The signature covers the UTF-8 of {@code treeSize|rootHash|timestamp} (decimal size, lowercase hex root,
 * milliseconds since the epoch in decimal). Every head is kept, so any two can be proved consistent.
 *
 * @param signature base64 of the 64-byte Ed25519 signature
 * @param publicKey base64 of the signing key's SubjectPublicKeyInfo (X.509 DER)
 */
public record SignedTreeHead(long treeSize, String rootHash, long timestamp, String signature, String publicKey) {

    /** The text the signature covers. */
    public static String signedText(long treeSize, String rootHash, long timestamp) {
        return treeSize + "|" + rootHash + "|" + timestamp;
    }

    public String signedText() {
        return signedText(treeSize, rootHash, timestamp);
    }

    /** Whether the signature verifies under the head's own public key. */
    public boolean signatureValid() {
        return signatureValid(publicKey);
    }

    /** Whether the signature verifies under the given key (SPKI, base64), e.g. one obtained independently. */
    public boolean signatureValid(String spkiBase64) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(spkiBase64)));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(signedText().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
