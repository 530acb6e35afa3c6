package gongkai.account.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import gongkai.account.Accounts;
import gongkai.account.NewUser;
import gongkai.account.PasswordResets;
import gongkai.account.UserAccount;
import gongkai.org.Organisations;
import gongkai.shared.Actor;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.Role;

/**
 * Back office: users (list, creation, one user's page with roles, password reset and 停用), and the pages where a user
 * sets a new password with the link or code an admin gave them ({@code /admin/reset}, open without signing in).
 */
@Controller
class UserAdminController {

    private final Accounts accounts;
    private final PasswordResets resets;
    private final Organisations organisations;

    UserAdminController(Accounts accounts, PasswordResets resets, Organisations organisations) {
        this.accounts = accounts;
        this.resets = resets;
        this.organisations = organisations;
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        return usersPage(model, null, null);
    }

    @PostMapping("/admin/users")
    String createUser(@RequestParam String username, @RequestParam String password, @RequestParam String displayName,
            @RequestParam String org, @RequestParam(required = false) List<Role> roles, Model model,
            RedirectAttributes redirect) {
        NewUser user = new NewUser(username, password, displayName, org, roleSet(roles));
        try {
            if (user.roles().isEmpty()) {
                throw new InvalidInputProblem("roles", "至少要选择一个角色。");
            }
            accounts.create(user);
        } catch (InvalidInputProblem e) {
            return usersPage(model, e, user);
        }
        redirect.addFlashAttribute("notice", "已创建用户 " + username.strip() + "。");
        return "redirect:/admin/users";
    }

    private String usersPage(Model model, InvalidInputProblem problem, NewUser values) {
        Actor actor = Actor.require();
        model.addAttribute("users", accounts.visibleUsers());
        model.addAttribute("orgNames", organisations.namesByCode());
        model.addAttribute("organisations", organisations.all().stream()
                .filter(o -> actor.canActFor(o.code())).toList());
        model.addAttribute("roles", Role.staff());
        model.addAttribute("canManage", actor.has(Role.ADMIN));
        model.addAttribute("problem", problem);
        model.addAttribute("values", values);
        return "account/users";
    }

    @GetMapping("/admin/users/{username}")
    String user(@PathVariable String username, Model model) {
        return userPage(username, model, null);
    }

    private String userPage(String username, Model model, InvalidInputProblem problem) {
        model.addAttribute("profile", accounts.profile(username));
        model.addAttribute("roles", Role.staff());
        model.addAttribute("problem", problem);
        return "account/user";
    }

    @PostMapping("/admin/users/{username}/roles")
    String changeRoles(@PathVariable String username, @RequestParam(required = false) List<Role> roles, Model model,
            RedirectAttributes redirect) {
        try {
            UserAccount changed = accounts.changeRoles(username, roleSet(roles));
            redirect.addFlashAttribute("notice", "已更改 " + changed.displayName() + " 的角色。");
        } catch (InvalidInputProblem e) {
            return userPage(username, model, e);
        }
        return "redirect:/admin/users/" + username;
    }

    /** The link and code are shown in this answer only: they are not kept, and not put in the session. */
    @PostMapping("/admin/users/{username}/reset")
    String issueReset(@PathVariable String username, Model model) {
        try {
            model.addAttribute("issued", resets.issue(username));
        } catch (InvalidInputProblem e) {
            return userPage(username, model, e);
        }
        return userPage(username, model, null);
    }

    @GetMapping("/admin/users/{username}/disable")
    String confirmDisable(@PathVariable String username, Model model) {
        model.addAttribute("profile", accounts.profile(username));
        return "account/user-disable";
    }

    @PostMapping("/admin/users/{username}/disable")
    String disable(@PathVariable String username, @RequestParam(defaultValue = "false") boolean confirm, Model model,
            RedirectAttributes redirect) {
        try {
            if (!confirm) {
                accounts.actionsOn(username);
                throw new InvalidInputProblem("confirm", "请先勾选“我已了解停用的后果”，再停用。");
            }
            UserAccount user = accounts.setEnabled(username, false);
            redirect.addFlashAttribute("notice", "已停用 " + user.displayName() + "，其登录会话已全部结束。");
        } catch (InvalidInputProblem e) {
            model.addAttribute("profile", accounts.profile(username));
            model.addAttribute("problem", e);
            return "account/user-disable";
        }
        return "redirect:/admin/users/" + username;
    }

    @PostMapping("/admin/users/{username}/enable")
    String enable(@PathVariable String username, Model model, RedirectAttributes redirect) {
        try {
            UserAccount user = accounts.setEnabled(username, true);
            redirect.addFlashAttribute("notice", "已启用 " + user.displayName() + "。");
        } catch (InvalidInputProblem e) {
            return userPage(username, model, e);
        }
        return "redirect:/admin/users/" + username;
    }

    @GetMapping("/admin/reset")
    String resetWithCode() {
        return "account/reset";
    }

    @PostMapping("/admin/reset")
    String resetWithCode(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String newPasswordRepeat, Model model, RedirectAttributes redirect) {
        try {
            sameTwice(newPassword, newPasswordRepeat);
            resets.completeWithCode(username, code, newPassword);
        } catch (InvalidInputProblem e) {
            model.addAttribute("problem", e);
            model.addAttribute("username", username);
            return "account/reset";
        }
        return done(redirect);
    }

    @GetMapping("/admin/reset/{token}")
    String resetWithLink(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        try {
            model.addAttribute("target", resets.checkLink(token));
        } catch (InvalidInputProblem e) {
            model.addAttribute("problem", e);
            model.addAttribute("unusable", true);
        }
        return "account/reset-link";
    }

    @PostMapping("/admin/reset/{token}")
    String resetWithLink(@PathVariable String token, @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String newPasswordRepeat, Model model, RedirectAttributes redirect) {
        model.addAttribute("token", token);
        try {
            sameTwice(newPassword, newPasswordRepeat);
            resets.completeWithLink(token, newPassword);
        } catch (InvalidInputProblem e) {
            model.addAttribute("problem", e);
            if ("token".equals(e.errors().get(0).field())) {
                model.addAttribute("unusable", true);
            } else {
                model.addAttribute("target", resets.checkLink(token));
            }
            return "account/reset-link";
        }
        return done(redirect);
    }

    private static String done(RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", "新密码已设置，请用新密码登录。");
        return "redirect:/admin/login";
    }

    private static void sameTwice(String password, String repeat) {
        if (!password.equals(repeat)) {
            throw new InvalidInputProblem("newPasswordRepeat", "两次输入的新密码不一致。");
        }
    }

    private static Set<Role> roleSet(List<Role> roles) {
        return roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }
}
