package gongkai.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.account.internal.ApiTokenEntity;
import gongkai.account.internal.ApiTokenRepository;
import gongkai.account.internal.AuditEventRepository;
import gongkai.account.internal.UserSessions;
import gongkai.account.internal.UserEntity;
import gongkai.account.internal.UserRepository;
import gongkai.org.Organisations;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.AuditedChange;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.Role;
import gongkai.org.Organisation;
import gongkai.org.OrganisationKind;

/** Users and their API tokens. Every change is checked against the actor's organisation and audited. */
@Service
@Transactional(readOnly = true)
public class Accounts {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_TOKEN_DAYS = 366;

    private final UserRepository users;
    private final ApiTokenRepository tokens;
    private final Organisations organisations;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditEventRepository auditEvents;
    private final UserSessions sessions;

    Accounts(UserRepository users, ApiTokenRepository tokens, Organisations organisations,
            PasswordEncoder passwordEncoder, ApplicationEventPublisher events, Clock clock,
            AuditEventRepository auditEvents, UserSessions sessions) {
        this.auditEvents = auditEvents;
        this.sessions = sessions;
        this.users = users;
        this.tokens = tokens;
        this.organisations = organisations;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a user. The actor must be an ADMIN acting for the user's organisation; only the city office's ADMIN
     * may make an AUDITOR, who reads everything.
     */
    @Transactional
    public UserAccount create(NewUser user) {
        Actor actor = Actor.require();
        Organisation enterprise = organisations.find(user.org())
                .filter(o -> o.kind() == OrganisationKind.ENTERPRISE).orElse(null);
        if (enterprise != null) {
            // A key-pollutant enterprise's people upload its monitoring results and nothing else: EDITOR only, made
            // by the city office's admin or by staff of the enterprise's regulator (the environment bureau).
            boolean allowed = (actor.cityWide() && actor.has(Role.ADMIN))
                    || actor.canActFor(enterprise.regulator(), Role.EDITOR)
                    || actor.canActFor(enterprise.regulator(), Role.APPROVER);
            if (!allowed) {
                throw new AccessDeniedProblem("重点排污单位的用户由市政府办公室的管理员或主管部门的信息员、审核人创建。");
            }
            if (!user.roles().equals(java.util.EnumSet.of(Role.EDITOR))) {
                throw new InvalidInputProblem("roles", "重点排污单位的用户只能是信息员（EDITOR），只用于上传本单位的监测结果。");
            }
        } else if (!actor.has(Role.ADMIN)) {
            throw new AccessDeniedProblem("只有管理员可以创建用户。");
        } else if (!actor.canActFor(user.org())) {
            throw new AccessDeniedProblem("您只能为本单位创建用户。");
        }
        if (user.roles().contains(Role.SUPERVISOR)) {
            // A supervisor's account comes with their appointment and term, which only the feedback module keeps.
            throw new InvalidInputProblem("roles", "社会监督员由市政府办公室在“社会监督员”页面任命，账号随任命创建，不能在这里设置。");
        }
        if (user.roles().contains(Role.AUDITOR) && !actor.cityWide()) {
            throw new AccessDeniedProblem("只有市政府办公室的管理员可以设置督查角色。");
        }
        if (!organisations.exists(user.org())) {
            throw new InvalidInputProblem("org", "机构代码“" + user.org() + "”不存在。");
        }
        String username = user.username().strip();
        if (users.existsByUsername(username)) {
            throw new InvalidInputProblem("username", "用户名“" + username + "”已被使用。");
        }
        checkPassword("password", user.password(), username);
        UserEntity saved = users.save(new UserEntity(username, passwordEncoder.encode(user.password()),
                user.displayName().strip(), user.org(), user.roles()));
        events.publishEvent(new AuditedChange("user.create", "user", username,
                "新建用户：" + user.displayName().strip() + "，机构 " + user.org() + "，角色 " + roleNames(user.roles())));
        return saved.toAccount();
    }

    /**
     * Creates the account of a social supervisor (社会监督员) whom the city office's ADMIN, the actor, appoints: kept
     * in the city office, role SUPERVISOR and nothing else. The caller (the appointment) chooses the username and the
     * initial password, which follows the password rule.
     */
    @Transactional
    public UserAccount createSupervisor(String username, String displayName, String password) {
        Actor actor = Actor.require();
        if (!actor.cityWide() || !actor.has(Role.ADMIN)) {
            throw new AccessDeniedProblem("只有市政府办公室的管理员可以任命社会监督员。");
        }
        if (users.existsByUsername(username)) {
            throw new InvalidInputProblem("username", "用户名“" + username + "”已被使用。");
        }
        checkPassword("password", password, username);
        UserEntity supervisor = new UserEntity(username, passwordEncoder.encode(password), displayName.strip(),
                actor.orgCode(), java.util.EnumSet.of(Role.SUPERVISOR));
        supervisor.requirePasswordChange();
        UserEntity saved = users.save(supervisor);
        events.publishEvent(new AuditedChange("user.create", "user", username,
                "新建社会监督员账号：" + displayName.strip()));
        return saved.toAccount();
    }

    /** Users the actor may see: all for auditors and the city admin, the actor's organisation otherwise. */
    public List<UserAccount> visibleUsers() {
        Actor actor = Actor.require();
        List<UserEntity> list = actor.cityWide() || actor.has(Role.AUDITOR) ? users.findAllByOrderByOrgCodeAscUsernameAsc()
                : users.findByOrgCodeOrderByUsernameAsc(actor.orgCode());
        return list.stream().map(UserEntity::toAccount).toList();
    }

    public Optional<UserAccount> find(String username) {
        return users.findByUsername(username).map(UserEntity::toAccount);
    }

    public long count() {
        return users.count();
    }

    /**
     * One user's page for their admin. Only an ADMIN acting for the user's organisation sees it; asking for someone of
     * another organisation is refused like acting on them.
     */
    public UserProfile profile(String username) {
        Actor actor = Actor.require();
        UserEntity user = manageable(actor, username);
        Instant lastSignIn = auditEvents.findFirstByActorAndActionOrderByIdDesc(user.getUsername(), "login")
                .map(e -> e.toEntry().at()).orElse(null);
        String orgName = organisations.find(user.getOrgCode()).map(Organisation::name).orElse(user.getOrgCode());
        return new UserProfile(user.toAccount(), orgName, lastSignIn, actions(actor, user));
    }

    /** What the actor may do with the user: the one rule every action below and every page asks. */
    public UserActions actionsOn(String username) {
        Actor actor = Actor.require();
        return actions(actor, manageable(actor, username));
    }

    private static UserActions actions(Actor actor, UserEntity user) {
        boolean self = user.getUsername().equals(actor.username());
        Set<Role> roles = user.getRoles();
        UserActions.Permission changeRoles = roles.contains(Role.SUPERVISOR)
                ? UserActions.Permission.no("社会监督员的账号随任命管理，角色不能更改。")
                : UserActions.Permission.YES;
        UserActions.Permission reset = self
                ? UserActions.Permission.no("您自己的密码请在“修改密码”页面修改。")
                : UserActions.Permission.YES;
        UserActions.Permission disable = self
                ? UserActions.Permission.no("不能停用自己的账号。")
                : !user.isEnabled() ? UserActions.Permission.no("该账号已经停用。") : UserActions.Permission.YES;
        UserActions.Permission enable = user.isEnabled() ? UserActions.Permission.no("该账号已经启用。")
                : UserActions.Permission.YES;
        return new UserActions(changeRoles, reset, disable, enable);
    }

    /**
     * Gives the user these roles (at least one). The roles a creation may give are the roles a change may give; an
     * admin keeps ADMIN, since removing it from themself could leave the office with no one to manage users. The
     * user's sessions end so that the new roles apply at their next sign-in.
     */
    @Transactional
    public UserAccount changeRoles(String username, Set<Role> roles) {
        Actor actor = Actor.require();
        UserEntity user = manageable(actor, username);
        require(actions(actor, user).changeRoles());
        if (roles == null || roles.isEmpty()) {
            throw new InvalidInputProblem("roles", "至少要选择一个角色。");
        }
        if (roles.contains(Role.SUPERVISOR)) {
            throw new InvalidInputProblem("roles", "社会监督员由市政府办公室在“社会监督员”页面任命，不能在这里设置。");
        }
        Set<Role> before = user.getRoles();
        if (before.contains(Role.AUDITOR) != roles.contains(Role.AUDITOR) && !actor.cityWide()) {
            throw new AccessDeniedProblem("只有市政府办公室的管理员可以设置督查角色。");
        }
        boolean enterprise = organisations.find(user.getOrgCode())
                .filter(o -> o.kind() == OrganisationKind.ENTERPRISE).isPresent();
        if (enterprise && !roles.equals(java.util.EnumSet.of(Role.EDITOR))) {
            throw new InvalidInputProblem("roles", "重点排污单位的用户只能是信息员（EDITOR），只用于上传本单位的监测结果。");
        }
        boolean self = user.getUsername().equals(actor.username());
        if (self && before.contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            throw new InvalidInputProblem("roles",
                    "不能取消自己的管理员角色：那样可能没有人能再管理本单位的用户。请由另一位管理员操作。");
        }
        if (before.equals(Role.inOrder(roles))) {
            return user.toAccount();
        }
        user.setRoles(roles);
        events.publishEvent(new AuditedChange("user.roles", "user", username,
                "更改角色：" + roleNames(before) + " → " + roleNames(roles)));
        if (!self) {
            sessions.endAllAfterCommit(username);
        }
        return user.toAccount();
    }

    /**
     * Enables or disables a user of the actor's organisation (nobody disables themselves). A disabled user cannot sign
     * in, their sessions end, and everything they did stays in the histories.
     */
    @Transactional
    public UserAccount setEnabled(String username, boolean enabled) {
        Actor actor = Actor.require();
        UserEntity user = manageable(actor, username);
        UserActions actions = actions(actor, user);
        if (user.isEnabled() == enabled) {
            return user.toAccount();
        }
        require(enabled ? actions.enable() : actions.disable());
        user.setEnabled(enabled);
        events.publishEvent(new AuditedChange(enabled ? "user.enable" : "user.disable", "user", username,
                enabled ? "启用账号" : "停用账号，并结束其全部登录会话"));
        if (!enabled) {
            sessions.endAllAfterCommit(username);
        }
        return user.toAccount();
    }

    private static void require(UserActions.Permission permission) {
        if (!permission.allowed()) {
            throw new InvalidInputProblem("username", permission.reason());
        }
    }

    /** Whether the user must change a password someone else set before doing anything else. */
    @Transactional(readOnly = true)
    public boolean mustChangePassword(String username) {
        return users.findByUsername(username).map(UserEntity::mustChangePassword).orElse(false);
    }

    /** Changes the actor's own password after checking the current one. */
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        Actor actor = Actor.require();
        UserEntity user = users.findByUsername(actor.username()).orElseThrow();
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
            throw new InvalidInputProblem("currentPassword", "当前密码不正确。");
        }
        checkPassword("newPassword", newPassword, actor.username());
        if (passwordEncoder.matches(newPassword, user.getPasswordHash())) {
            throw new InvalidInputProblem("newPassword", "新密码不能与当前密码相同。");
        }
        user.changeOwnPassword(passwordEncoder.encode(newPassword));
        events.publishEvent(new AuditedChange("user.change-password", "user", actor.username(), "修改本人密码"));
    }

    /** Issues an API token for the actor; the secret is returned once and only its hash is kept. */
    @Transactional
    public IssuedToken issueToken(String name, int validDays) {
        Actor actor = Actor.require();
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new InvalidInputProblem("name", "请为令牌填写用途说明（不超过100个字）。");
        }
        if (validDays < 1 || validDays > MAX_TOKEN_DAYS) {
            throw new InvalidInputProblem("validDays", "有效期应为1至" + MAX_TOKEN_DAYS + "天。");
        }
        UserEntity user = users.findByUsername(actor.username()).orElseThrow();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "gk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = Instant.now(clock).plus(Duration.ofDays(validDays));
        ApiTokenEntity token = tokens.save(new ApiTokenEntity(user.getId(), name.strip(), hashToken(secret), expires));
        events.publishEvent(new AuditedChange("token.issue", "api-token", String.valueOf(token.getId()),
                "签发API令牌：" + name.strip() + "，有效期" + validDays + "天"));
        return new IssuedToken(token.getId(), token.getName(), secret, expires);
    }

    public List<ApiTokenInfo> ownTokens() {
        Actor actor = Actor.require();
        return users.findByUsername(actor.username())
                .map(u -> tokens.findByUserIdOrderByIdDesc(u.getId()).stream().map(ApiTokenEntity::toInfo).toList())
                .orElse(List.of());
    }

    @Transactional
    public void revokeToken(long tokenId) {
        Actor actor = Actor.require();
        UserEntity user = users.findByUsername(actor.username()).orElseThrow();
        ApiTokenEntity token = tokens.findById(tokenId).filter(t -> t.getUserId().equals(user.getId()))
                .orElseThrow(() -> new NotFoundProblem("没有这个令牌。"));
        token.revoke(Instant.now(clock));
        events.publishEvent(new AuditedChange("token.revoke", "api-token", String.valueOf(tokenId),
                "吊销API令牌：" + token.getName()));
    }

    /** The stored form of a token: SHA-256, hex. Tokens are long random strings, so a fast hash is enough. */
    public static String hashToken(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Password rule: 12 to 128 characters, at least two kinds of character, not the username. */
    public static void checkPassword(String field, String password, String username) {
        if (password == null || password.length() < 12 || password.length() > 128) {
            throw new InvalidInputProblem(field, "密码长度应为12至128位。");
        }
        int kinds = (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (kinds < 2) {
            throw new InvalidInputProblem(field, "密码至少要包含小写字母、大写字母、数字、符号中的两类。");
        }
        if (password.toLowerCase().contains(username.toLowerCase())) {
            throw new InvalidInputProblem(field, "密码不能包含用户名。");
        }
    }

    private UserEntity manageable(Actor actor, String username) {
        if (!actor.has(Role.ADMIN)) {
            throw new AccessDeniedProblem("只有管理员可以管理用户。");
        }
        UserEntity user = users.findByUsername(username == null ? "" : username)
                .orElseThrow(() -> new NotFoundProblem("没有用户名为“" + username + "”的用户。"));
        if (!actor.canActFor(user.getOrgCode())) {
            throw new AccessDeniedProblem("您只能管理本单位的用户。");
        }
        return user;
    }

    /** The user an admin may manage, for the account module's other services (password resets). */
    UserEntity manageableBy(Actor actor, String username) {
        return manageable(actor, username);
    }

    /** The same rule as {@link #actionsOn(String)}, for the account module's other services. */
    static UserActions actionsFor(Actor actor, UserEntity user) {
        return actions(actor, user);
    }

    private static String roleNames(Set<Role> roles) {
        Set<String> names = new TreeSet<>();
        roles.forEach(r -> names.add(r.label()));
        return String.join("、", names);
    }
}
