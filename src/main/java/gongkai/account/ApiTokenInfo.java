package gongkai.account;

import java.time.Instant;

/** An API token as its owner sees it afterwards: everything but the secret. */
public record ApiTokenInfo(long id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
        Instant revokedAt) {

    public boolean active(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
