package gongkai.account.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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

    @GetMapping("/api/v1/me")
    Map<String, Object> me() {
        Actor actor = Actor.require();
        return Map.of("username", actor.username(), "org", actor.orgCode(), "roles", actor.roles(),
                "cityWide", actor.cityWide());
    }

    @GetMapping("/api/v1/audit")
    Map<String, Object> audit(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            @RequestParam(defaultValue = "0") int page) {
        Page<AuditEntry> result = audit.search(new AuditTrail.Query(actor, targetType, targetId, from, to), page);
        return Map.of("entries", result.getContent(), "page", result.getNumber(), "totalPages",
                result.getTotalPages(), "total", result.getTotalElements());
    }
}
