package gongkai.account.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gongkai.account.Accounts;
import gongkai.account.AuditEntry;
import gongkai.account.AuditTrail;
import gongkai.account.NewUser;
import gongkai.account.UserAccount;
import gongkai.shared.Actor;
import gongkai.shared.Role;

/** {@code /api/v1/users}, {@code /api/v1/me} and {@code /api/v1/audit}. */
@RestController
class UserApiController {

    private final Accounts accounts;
    private final AuditTrail audit;

    UserApiController(Accounts accounts, AuditTrail audit) {
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
