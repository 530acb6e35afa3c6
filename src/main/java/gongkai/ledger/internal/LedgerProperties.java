package gongkai.ledger.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ledger settings ({@code gongkai.ledger.*}).
 *
 * @param privateKeyFile the Ed25519 signing key (PKCS#8, PEM or DER); with {@code publicKeyFile}, instead of the
 *                       key pair made on first start under {@code <data dir>/ledger/}. Several application nodes must
 *                       share one key: configure both files on each.
 * @param publicKeyFile  its public key (SubjectPublicKeyInfo, PEM or DER)
 * @param selfCheck      the scheduled self-check
 */
@ConfigurationProperties("gongkai.ledger")
public record LedgerProperties(Path privateKeyFile, Path publicKeyFile, @DefaultValue SelfCheck selfCheck) {

    /**
     * @param enabled      whether it runs on schedule (an admin can always run it)
     * @param interval     time between two runs (one node runs each, claimed in the database)
     * @param initialDelay time after start before the first run
     * @param grace        a record changed this recently may still be waiting for its entry: not reported missing
     */
    public record SelfCheck(@DefaultValue("true") boolean enabled, @DefaultValue("6h") Duration interval,
            @DefaultValue("10m") Duration initialDelay, @DefaultValue("10m") Duration grace) {
    }
}
