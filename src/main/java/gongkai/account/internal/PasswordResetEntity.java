package gongkai.account.internal;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * 密码重置: a one-time permission to set a user's password, issued by an admin. It guards its own use: once spent,
 * expired or void it refuses, with a reason the user can act on.
 */
@Entity
@Table(name = "password_reset")
public class PasswordResetEntity {

    /** Wrong codes after which a reset is void, whatever addresses they came from. */
    public static final int MAX_FAILED_ATTEMPTS = 10;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long userId;
    private String tokenHash;
    private String codeHash;
    private String issuedBy;
    private Instant issuedAt;
    private Instant expiresAt;
    private Instant spentAt;
    private Instant voidedAt;
    private int failedAttempts;

    protected PasswordResetEntity() {
    }

    public PasswordResetEntity(Long userId, String tokenHash, String codeHash, String issuedBy, Instant issuedAt,
            Instant expiresAt) {
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.codeHash = codeHash;
        this.issuedBy = issuedBy;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    /** Why this reset cannot be used now, or empty when it can. */
    public Optional<String> refusal(Instant now) {
        if (spentAt != null) {
            return Optional.of("这个重置链接（重置码）已经用过，不能再次使用。如仍需重置，请联系管理员重新生成。");
        }
        if (voidedAt != null) {
            return Optional.of("这个重置链接（重置码）已失效（管理员已重新生成，或输错次数过多）。请联系管理员重新生成。");
        }
        if (!now.isBefore(expiresAt)) {
            return Optional.of("这个重置链接（重置码）已过期。请联系管理员重新生成。");
        }
        return Optional.empty();
    }

    /** Uses the reset up; refuses when it is no longer usable. */
    public void spend(Instant now) {
        refusal(now).ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        this.spentAt = now;
    }

    /** Another reset replaced this one. */
    public void voidNow(Instant now) {
        if (spentAt == null && voidedAt == null) {
            this.voidedAt = now;
        }
    }

    /** Counts a wrong code; the reset is void after {@link #MAX_FAILED_ATTEMPTS}. */
    public void wrongCode(Instant now) {
        failedAttempts++;
        if (failedAttempts >= MAX_FAILED_ATTEMPTS) {
            voidNow(now);
        }
    }

    public Long getUserId() {
        return userId;
    }

    public String getCodeHash() {
        return codeHash;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
