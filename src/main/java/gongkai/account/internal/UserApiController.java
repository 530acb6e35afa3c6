package gongkai.account.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gongkai.account.Accounts;
import gongkai.account.AuditEntry;
import gongkai.account.AuditTrail;
import gongkai.account.IssuedPasswordReset;
import gongkai.account.PasswordResets;
import gongkai.account.UserProfile;
import gongkai.account.NewUser;
import gongkai.account.UserAccount;
import gongkai.shared.Actor;
import gongkai.shared.Role;

/** {@code /api/v1/users} (and one user's roles, password reset, 停用/启用), {@code /api/v1/me} and {@code /api/v1/audit}. */
@RestController
class UserApiController {

    private final Accounts accounts;
    private final AuditTrail audit;
    private final PasswordResets resets;

    UserApiController(Accounts accounts, AuditTrail audit, PasswordResets resets) {
        this.resets = resets;
        this.accounts = accounts;
        this.audit = audit;
    }

    @PostMapping("/api/v1/users")
    ResponseEntity<UserAccount> create(@Valid @RequestBody NewUser user) {
        UserAccount created = accounts.create(user);
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.username())).body(created);
    }

    @GetMapping("/api/v1/users")
    List<UserAccount> list() {
        return accounts.visibleUsers();
    }

    /** One user with what the caller may do with them: the same rule the back-office page shows. */
    @GetMapping("/api/v1/users/{username}")
    UserProfile one(@PathVariable String username) {
        return accounts.profile(username);
    }

    /** The body of {@code PUT /api/v1/users/{username}/roles}. */
    record RolesChange(@NotEmpty(message = "至少要选择一个角色") Set<Role> roles) {
    }

    @PutMapping("/api/v1/users/{username}/roles")
    UserAccount changeRoles(@PathVariable String username, @Valid @RequestBody RolesChange change) {
        return accounts.changeRoles(username, change.roles());
    }

    /** A one-time reset link and code for the user, shown in this answer only. */
    @PostMapping("/api/v1/users/{username}/password-reset")
    ResponseEntity<IssuedPasswordReset> issueReset(@PathVariable String username) {
        return ResponseEntity.status(201).body(resets.issue(username));
    }

    @PostMapping("/api/v1/users/{username}/disable")
    UserAccount disable(@PathVariable String username) {
        return accounts.setEnabled(username, false);
    }

    @PostMapping("/api/v1/users/{username}/enable")
    UserAccount enable(@PathVariable String username) {
        return accounts.setEnabled(username, true);
    }

    /** Who the caller is signed in as: {@code GET /api/v1/me}. */
    record Me(String username, String org, Set<Role> roles, boolean cityWide) {
        static Me of(Actor actor) {
            return new Me(actor.username(), actor.orgCode(), actor.roles(), actor.cityWide());
        }
    }

    /** One page of the audit trail, newest first. */
    record AuditPage(List<AuditEntry> entries, int page, int totalPages, long total) {
        static AuditPage of(Page<AuditEntry> result) {
            return new AuditPage(result.getContent(), result.getNumber(), result.getTotalPages(),
                    result.getTotalElements());
        }
    }

    @GetMapping("/api/v1/me")
    Me me() {
        return Me.of(Actor.require());
    }

    @GetMapping("/api/v1/audit")
    AuditPage audit(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            @RequestParam(defaultValue = "0") int page) {
        return AuditPage.of(audit.search(new AuditTrail.Query(actor, targetType, targetId, from, to), page));
    }
}
