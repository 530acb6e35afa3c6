package gongkai.ledger.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import gongkai.ledger.SignedTreeHead;
import gongkai.shared.GongkaiProperties;

/**
 * The Ed25519 key that signs tree heads (the JDK's own provider). Read from the configured files, or from
 * {@code <data dir>/ledger/}, where the pair is made on first start: the folder readable by the owner only (700)
 * and the files too (600), where the file system has POSIX permissions.
 */
@Component
public class LedgerKeys {

    private static final Logger log = LoggerFactory.getLogger(LedgerKeys.class);
    private static final String ALGORITHM = "Ed25519";
    static final String PRIVATE_FILE = "ledger-ed25519.key";
    static final String PUBLIC_FILE = "ledger-ed25519.pub";

    private final PrivateKey privateKey;
    private final String publicKeyBase64;

    LedgerKeys(LedgerProperties properties, GongkaiProperties platform) {
        KeyPair pair = properties.privateKeyFile() != null || properties.publicKeyFile() != null
                ? configured(properties) : underDataDir(platform.dataDir().resolve("ledger"));
        requireMatching(pair);
        this.privateKey = pair.getPrivate();
        this.publicKeyBase64 = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    /** The public key as SubjectPublicKeyInfo (X.509 DER), base64: what every head publishes. */
    public String publicKey() {
        return publicKeyBase64;
    }

    /** Signs {@code treeSize|rootHash|timestamp}. */
    public SignedTreeHead sign(long treeSize, String rootHash, long timestamp) {
        byte[] text = SignedTreeHead.signedText(treeSize, rootHash, timestamp).getBytes(StandardCharsets.UTF_8);
        return new SignedTreeHead(treeSize, rootHash, timestamp, Base64.getEncoder().encodeToString(sign(text)),
                publicKeyBase64);
    }

    private byte[] sign(byte[] text) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(text);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with the ledger key", e);
        }
    }

    private static KeyPair configured(LedgerProperties p) {
        if (p.privateKeyFile() == null || p.publicKeyFile() == null) {
            throw new IllegalStateException("Set both gongkai.ledger.private-key-file and "
                    + "gongkai.ledger.public-key-file, or neither (a key pair is then made under the data folder)");
        }
        warnIfOpen(p.privateKeyFile());
        log.info("Ledger signing key read from {}", p.privateKeyFile());
        return read(p.privateKeyFile(), p.publicKeyFile());
    }

    private static KeyPair underDataDir(Path dir) {
        Path privateFile = dir.resolve(PRIVATE_FILE);
        Path publicFile = dir.resolve(PUBLIC_FILE);
        if (Files.exists(privateFile)) {
            warnIfOpen(privateFile);
            return read(privateFile, publicFile);
        }
        try {
            boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (!Files.isDirectory(dir)) {
                if (posix) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                    // createDirectories is subject to the umask; say exactly what we mean.
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                } else {
                    Files.createDirectories(dir);
                }
            }
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            writeNew(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), posix);
            writeNew(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), posix);
            log.info("Created the ledger signing key pair in {} (keep a backup of {}: heads signed with it can be "
                    + "checked forever, but a lost key means a new one)", dir, PRIVATE_FILE);
            return pair;
        } catch (FileAlreadyExistsException e) {
            // Another process made it a moment ago.
            return read(privateFile, publicFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the ledger signing key in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK offers no Ed25519", e);
        }
    }

    /** Creates the file with owner-only permissions from the start, so the key is never readable by others. */
    private static void writeNew(Path file, String content, boolean posix) throws IOException {
        FileAttribute<?>[] attrs = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0];
        Files.createFile(file, attrs);
        if (posix) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(content.getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static KeyPair read(Path privateFile, Path publicFile) {
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            PrivateKey priv = factory.generatePrivate(new PKCS8EncodedKeySpec(der(privateFile)));
            PublicKey pub = factory.generatePublic(new X509EncodedKeySpec(der(publicFile)));
            return new KeyPair(pub, priv);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ledger key files " + privateFile + ", " + publicFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The ledger key files " + privateFile + ", " + publicFile
                    + " do not hold an Ed25519 PKCS#8 private key and its SubjectPublicKeyInfo", e);
        }
    }

    /** The DER bytes of a PEM or DER file. */
    private static byte[] der(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.US_ASCII);
        if (!text.startsWith("-----BEGIN")) {
            return bytes;
        }
        String body = text.replaceAll("-----(BEGIN|END)[^-]*-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** A public key that does not belong to the private key would sign heads nobody can verify: refuse to start. */
    private static void requireMatching(KeyPair pair) {
        try {
            byte[] probe = "gongkai-ledger-key-check".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(pair.getPrivate());
            s.update(probe);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(ALGORITHM);
            v.initVerify(pair.getPublic());
            v.update(probe);
            if (!v.verify(sig)) {
                throw new IllegalStateException("The ledger's public key file does not belong to its private key");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot check the ledger key pair", e);
        }
    }

    private static void warnIfOpen(Path privateFile) {
        try {
            if (privateFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(privateFile);
                if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                    log.warn("The ledger signing key {} is readable by others ({}): chmod 600 it",
                            privateFile, PosixFilePermissions.toString(perms));
                }
            }
        } catch (IOException e) {
            log.warn("Cannot read the permissions of {}: {}", privateFile, e.getMessage());
        }
    }
}
