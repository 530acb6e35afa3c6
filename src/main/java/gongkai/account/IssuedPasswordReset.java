package gongkai.account;

import java.time.Instant;

/**
 * A password reset as the admin sees it once: the link to hand over and the code to read out by phone (with the
 * username, at {@code /admin/reset}). Only their hashes are kept.
 */
public record IssuedPasswordReset(String username, String displayName, String link, String code, Instant expiresAt) {
}
