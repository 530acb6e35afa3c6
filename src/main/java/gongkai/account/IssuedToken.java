package gongkai.account;

import java.time.Instant;

/** A new API token: the secret is shown this once and never stored. */
public record IssuedToken(long id, String name, String secret, Instant expiresAt) {
}
