package gongkai.ledger.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gongkai.ledger.SignedTreeHead;
import gongkai.shared.GongkaiProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The signing key: made once under the data folder for its owner only, or read from configured files. */
class LedgerKeysTest {

    @TempDir
    Path dataDir;

    private static final LedgerProperties.SelfCheck CHECK = new LedgerProperties.SelfCheck(false,
            java.time.Duration.ofHours(6), java.time.Duration.ofMinutes(10), java.time.Duration.ofMinutes(10));

    private LedgerKeys underDataDir() {
        return new LedgerKeys(new LedgerProperties(null, null, CHECK), new GongkaiProperties(dataDir, "ycszfb", false));
    }

    @Test
    void aKeyPairIsMadeOnFirstStartForTheOwnerOnlyAndReadAfterwards() throws Exception {
        LedgerKeys first = underDataDir();
        Path dir = dataDir.resolve("ledger");
        Path privateKey = dir.resolve(LedgerKeys.PRIVATE_FILE);
        assertThat(Files.readString(privateKey)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(dir.resolve(LedgerKeys.PUBLIC_FILE))).startsWith("-----BEGIN PUBLIC KEY-----");
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(LedgerKeys.PUBLIC_FILE))))
                    .isEqualTo("rw-------");
        }
        LedgerKeys again = underDataDir();
        assertThat(again.publicKey()).isEqualTo(first.publicKey());
        SignedTreeHead head = again.sign(3, "ab".repeat(32), 1_700_000_000_000L);
        assertThat(head.signatureValid(first.publicKey())).isTrue();
        assertThat(head.signedText()).isEqualTo("3|" + "ab".repeat(32) + "|1700000000000");
    }

    @Test
    void configuredKeyFilesInPemOrDerAreUsedAndAMismatchedPairIsRefused() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path priv = dataDir.resolve("sign.der");
        Path pub = dataDir.resolve("sign.pub");
        Files.write(priv, pair.getPrivate().getEncoded());
        Files.writeString(pub, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        LedgerKeys keys = new LedgerKeys(new LedgerProperties(priv, pub, CHECK),
                new GongkaiProperties(dataDir, "ycszfb", false));
        assertThat(keys.publicKey()).isEqualTo(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        assertThat(Files.exists(dataDir.resolve("ledger"))).isFalse();

        Path otherPub = dataDir.resolve("other.pub");
        Files.write(otherPub, KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());
        assertThatThrownBy(() -> new LedgerKeys(new LedgerProperties(priv, otherPub, CHECK),
                new GongkaiProperties(dataDir, "ycszfb", false))).hasMessageContaining("does not belong");
        assertThatThrownBy(() -> new LedgerKeys(new LedgerProperties(priv, null, CHECK),
                new GongkaiProperties(dataDir, "ycszfb", false))).hasMessageContaining("both");
    }

    @Test
    void openPermissionsOnAnExistingKeyAreOnlyWarnedAbout() throws Exception {
        underDataDir();
        Path privateKey = dataDir.resolve("ledger").resolve(LedgerKeys.PRIVATE_FILE);
        assumeThat(privateKey.getFileSystem().supportedFileAttributeViews()).contains("posix");
        Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(underDataDir().publicKey()).isNotBlank();
    }
}
