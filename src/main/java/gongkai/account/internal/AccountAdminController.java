package gongkai.account.internal;

import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import gongkai.account.Accounts;
import gongkai.account.AuditTrail;
import gongkai.org.Organisations;
import gongkai.shared.Actor;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.Todos;

/**
 * Back office: sign-in, the start page, own API tokens and password, the audit trail. Users are managed by
 * {@link UserAdminController}.
 */
@Controller
class AccountAdminController {

    private final Accounts accounts;
    private final AuditTrail audit;
    private final Organisations organisations;
    private final Todos todos;

    AccountAdminController(Accounts accounts, AuditTrail audit, Organisations organisations, Todos todos) {
        this.todos = todos;
        this.accounts = accounts;
        this.audit = audit;
        this.organisations = organisations;
    }

    @GetMapping("/admin/login")
    String login(HttpServletRequest request, Model model) {
        if (request.getParameter("error") != null) {
            HttpSession session = request.getSession(false);
            Object e = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute("loginError", e instanceof LockedException locked ? locked.getMessage()
                    : e instanceof DisabledException ? "账号尚未经所在地政府确认，或已被停用。" : "用户名或密码不正确。");
        }
        model.addAttribute("loggedOut", request.getParameter("logout") != null);
        return "account/login";
    }

    @GetMapping("/admin")
    String start(Model model) {
        Actor actor = Actor.require();
        model.addAttribute("actor", actor);
        model.addAttribute("org", organisations.get(actor.orgCode()));
        model.addAttribute("todos", todos.all());
        return "account/start";
    }

    @GetMapping("/admin/tokens")
    String tokens(Model model) {
        model.addAttribute("tokens", accounts.ownTokens());
        model.addAttribute("now", java.time.Instant.now());
        return "account/tokens";
    }

    @PostMapping("/admin/tokens")
    String issueToken(@RequestParam String name, @RequestParam(defaultValue = "90") int validDays, Model model) {
        try {
            model.addAttribute("issued", accounts.issueToken(name, validDays));
        } catch (InvalidInputProblem e) {
            model.addAttribute("problem", e);
        }
        return tokens(model);
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id, RedirectAttributes redirect) {
        accounts.revokeToken(id);
        redirect.addFlashAttribute("notice", "令牌已吊销。");
        return "redirect:/admin/tokens";
    }

    @GetMapping("/admin/password")
    String password() {
        return "account/password";
    }

    @PostMapping("/admin/password")
    String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword, Model model,
            RedirectAttributes redirect) {
        try {
            accounts.changeOwnPassword(currentPassword, newPassword);
        } catch (InvalidInputProblem e) {
            model.addAttribute("problem", e);
            return "account/password";
        }
        redirect.addFlashAttribute("notice", "密码已修改。");
        return "redirect:/admin";
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String targetType,
            @RequestParam(required = false) String targetId, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, @RequestParam(defaultValue = "0") int page, Model model) {
        AuditTrail.Query query = new AuditTrail.Query(actor, targetType, targetId, from, to);
        model.addAttribute("result", audit.search(query, page));
        model.addAttribute("query", query);
        return "account/audit";
    }
}
