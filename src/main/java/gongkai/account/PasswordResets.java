package gongkai.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.account.internal.LoginThrottle;
import gongkai.account.internal.PasswordResetEntity;
import gongkai.account.internal.PasswordResetRepository;
import gongkai.account.internal.UserEntity;
import gongkai.account.internal.UserRepository;
import gongkai.account.internal.UserSessions;
import gongkai.shared.Actor;
import gongkai.shared.AuditedChange;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.PublicAddress;
import gongkai.shared.RequestOrigin;
import gongkai.shared.TooManyRequestsProblem;

/**
 * 重置密码: an admin issues a one-time link and a short code for a user, who sets a new password with either; the admin
 * never learns it. Wrong links and codes count against the sign-in's per-address limits ({@link LoginThrottle}), and
 * every step is audited. A refused attempt is an {@link InvalidInputProblem} that still commits what it counted.
 */
@Service
public class PasswordResets {

    /**
     * The throttle's name for attempts with a link, which carry no username: one per link, so that the per-address
     * limit bounds guessing while a person retrying their own link is limited like a sign-in. No username has a '#'.
     */
    private static String linkAttempts(String token) {
        return "#password-reset:" + (token == null ? "" : Accounts.hashToken(token).substring(0, 16));
    }
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String WRONG_CODE = "用户名或重置码不正确。";

    private final Accounts accounts;
    private final UserRepository users;
    private final PasswordResetRepository resets;
    private final PasswordEncoder passwordEncoder;
    private final LoginThrottle throttle;
    private final UserSessions sessions;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final PublicAddress address;
    private final Clock clock;
    private final Duration validity;

    PasswordResets(Accounts accounts, UserRepository users, PasswordResetRepository resets,
            PasswordEncoder passwordEncoder, LoginThrottle throttle, UserSessions sessions, AuditTrail audit,
            ApplicationEventPublisher events, PublicAddress address, Clock clock,
            @Value("${gongkai.security.password-reset.validity:24h}") Duration validity) {
        this.accounts = accounts;
        this.users = users;
        this.resets = resets;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.sessions = sessions;
        this.audit = audit;
        this.events = events;
        this.address = address;
        this.clock = clock;
        this.validity = validity;
    }

    /** The admin (the actor) issues a reset for a user they manage; an earlier unused one stops working. */
    @Transactional
    public IssuedPasswordReset issue(String username) {
        Actor actor = Actor.require();
        UserEntity user = accounts.manageableBy(actor, username);
        UserActions.Permission permission = Accounts.actionsFor(actor, user).resetPassword();
        if (!permission.allowed()) {
            throw new InvalidInputProblem("username", permission.reason());
        }
        Instant now = Instant.now(clock);
        resets.findByUserIdOrderByIdDesc(user.getId()).forEach(r -> r.voidNow(now));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String code = String.format("%08d", RANDOM.nextInt(100_000_000));
        Instant expires = now.plus(validity);
        resets.save(new PasswordResetEntity(user.getId(), Accounts.hashToken(token), passwordEncoder.encode(code),
                actor.username(), now, expires));
        events.publishEvent(new AuditedChange("user.reset-password.issue", "user", user.getUsername(),
                "生成一次性密码重置链接和重置码，有效期至 " + expires));
        UserAccount account = user.toAccount();
        return new IssuedPasswordReset(account.username(), account.displayName(),
                address.link("/admin/reset/" + token), code.substring(0, 4) + " " + code.substring(4), expires);
    }

    /** Who a reset link is for, if it can still be used; a refusal counts as a failed attempt from this address. */
    @Transactional(noRollbackFor = InvalidInputProblem.class)
    public UserAccount checkLink(String token) {
        return usableByLink(token).user().toAccount();
    }

    /** Sets the new password with a reset link and spends it. */
    @Transactional(noRollbackFor = InvalidInputProblem.class)
    public void completeWithLink(String token, String newPassword) {
        Usable usable = usableByLink(token);
        complete(usable, newPassword, linkAttempts(token), "重置链接");
    }

    /** Sets the new password with the username and the code read out by the admin, and spends the reset. */
    @Transactional(noRollbackFor = InvalidInputProblem.class)
    public void completeWithCode(String username, String code, String newPassword) {
        String name = username == null ? "" : username.strip();
        String from = RequestOrigin.remoteAddress();
        checkThrottle(name, from);
        String digits = code == null ? "" : code.replaceAll("[\\s-]", "");
        Instant now = Instant.now(clock);
        Optional<UserEntity> user = users.findByUsername(name);
        Optional<PasswordResetEntity> latest = user.flatMap(u -> resets.findByUserIdOrderByIdDesc(u.getId()).stream()
                .findFirst());
        if (latest.isEmpty() || !digits.matches("\\d{8}") || !passwordEncoder.matches(digits, latest.get().getCodeHash())) {
            latest.filter(r -> r.refusal(now).isEmpty()).ifPresent(r -> r.wrongCode(now));
            throw refused(name, name, from, "code", WRONG_CODE, "重置码不正确");
        }
        Optional<String> refusal = latest.get().refusal(now);
        if (refusal.isPresent()) {
            throw refused(name, name, from, "code", refusal.get(), refusal.get());
        }
        complete(new Usable(user.get(), latest.get()), newPassword, name, "重置码");
    }

    private record Usable(UserEntity user, PasswordResetEntity reset) {
    }

    private Usable usableByLink(String token) {
        String from = RequestOrigin.remoteAddress();
        checkThrottle(linkAttempts(token), from);
        Instant now = Instant.now(clock);
        PasswordResetEntity reset = token == null || token.isBlank() || token.length() > 100 ? null
                : resets.findByTokenHash(Accounts.hashToken(token)).orElse(null);
        if (reset == null) {
            throw refused(linkAttempts(token), "-", from, "token", "重置链接不正确。请检查链接是否完整，或使用用户名和重置码。",
                    "重置链接不正确");
        }
        UserEntity user = users.findById(reset.getUserId()).orElseThrow();
        Optional<String> refusal = reset.refusal(now);
        if (refusal.isPresent()) {
            throw refused(linkAttempts(token), user.getUsername(), from, "token", refusal.get(), refusal.get());
        }
        return new Usable(user, reset);
    }

    private void complete(Usable usable, String newPassword, String throttleName, String means) {
        UserEntity user = usable.user();
        Accounts.checkPassword("newPassword", newPassword, user.getUsername());
        Instant now = Instant.now(clock);
        user.changeOwnPassword(passwordEncoder.encode(newPassword));
        usable.reset().spend(now);
        throttle.succeeded(throttleName, RequestOrigin.remoteAddress());
        sessions.endAllAfterCommit(user.getUsername());
        audit.recordAs(user.getUsername(), user.getOrgCode(), "user.reset-password.done", "user", user.getUsername(),
                "用" + means + "设置了新密码，重置已用掉；其全部登录会话已结束");
    }

    private void checkThrottle(String name, String from) {
        try {
            throttle.check(name, from);
        } catch (LockedException e) {
            throw new TooManyRequestsProblem("失败次数过多，请稍后再试。");
        }
    }

    /**
     * Counts a refused attempt against the throttle and audits it under the username it was for ("-" when unknown,
     * cut to the column's 50 characters: anyone may type any name); the caller throws what this returns.
     */
    private InvalidInputProblem refused(String throttleName, String username, String from, String field,
            String message, String why) {
        throttle.failed(throttleName, from);
        String who = username.isEmpty() ? "-" : username.length() > 50 ? username.substring(0, 50) : username;
        audit.recordAs(who, null, "user.reset-password.failed", "user", who, "密码重置未成功：" + why);
        return new InvalidInputProblem(field, message);
    }
}
