package gongkai.account;

import java.util.EnumSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.BackOfficeSignIn;
import gongkai.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * User management in the back office and the API: roles, one-time password resets, 停用 with confirmation — each with
 * the hostile inputs an admin or a clerk could send.
 */
@PlatformTest
class UserManagementTest {

    private static final String ORG = "ycsjyj";
    private static final String OTHER_ORG = "ycsmzj";
    private static final Pattern LINK = Pattern.compile("/admin/reset/([A-Za-z0-9_-]{43})");
    private static final Pattern CODE = Pattern.compile("id=\"reset-code\"[^>]*>(\\d{4} \\d{4})<");
    private static final String NEW_PASSWORD = "Brand-New-Passw0rd";

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    BackOfficeSignIn signIn;
    @Autowired
    JdbcTemplate jdbc;

    private String user(String org, String name, Role... roles) {
        String username = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Acting.as(Acting.cityAdmin(), () -> accounts.create(new NewUser(username, Acting.PASSWORD, name, org,
                EnumSet.copyOf(java.util.List.of(roles)))));
        return username;
    }

    private RequestPostProcessor as(String username) {
        return signIn.as(username);
    }

    private java.util.Set<Role> rolesOf(String username) {
        return accounts.find(username).orElseThrow().roles();
    }

    private boolean enabled(String username) {
        return accounts.find(username).orElseThrow().enabled();
    }

    private Cookie signedIn(String username, String password) throws Exception {
        var result = mvc.perform(post("/admin/login").with(csrf()).param("username", username)
                .param("password", password)).andExpect(redirectedUrl("/admin")).andReturn();
        return result.getResponse().getCookie("SESSION");
    }

    private long sessionsOf(String username) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?", Long.class, username);
    }

    // ----- one user's page and roles

    @Test
    void anAdminSeesTheUsersPageAndChangesTheirRoles() throws Exception {
        String admin = user(ORG, "教育局管理员", Role.ADMIN);
        String clerk = user(ORG, "教育局王芳", Role.EDITOR);
        Cookie clerkSession = signedIn(clerk, Acting.PASSWORD);

        mvc.perform(get("/admin/users").with(as(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/admin/users/" + clerk + "\"")));
        mvc.perform(get("/admin/users/" + clerk).with(as(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("教育局王芳")))
                .andExpect(content().string(containsString("宜春市教育局")))
                .andExpect(content().string(containsString("最近登录")))
                .andExpect(content().string(containsString("生成重置链接")))
                .andExpect(content().string(containsString("停用此账号")));

        mvc.perform(post("/admin/users/" + clerk + "/roles").with(as(admin)).with(csrf())
                .param("roles", "EDITOR", "REVIEWER"))
                .andExpect(redirectedUrl("/admin/users/" + clerk));
        assertThat(rolesOf(clerk)).containsExactly(Role.EDITOR, Role.REVIEWER);
        // The session kept the old roles: it ends, and the next sign-in has the new ones.
        assertThat(sessionsOf(clerk)).isZero();
        mvc.perform(get("/admin").cookie(clerkSession)).andExpect(redirectedUrl("/admin/login"));
        var audit = Acting.as(Acting.cityAdmin(),
                () -> jdbc.queryForObject("SELECT detail FROM audit_event WHERE action = 'user.roles' AND target_id = ?",
                        String.class, clerk));
        assertThat(audit).contains("信息员").contains("审核员");
    }

    @Test
    void noRolesAtAllIsRefusedAndChangesNothing() throws Exception {
        String admin = user(ORG, "教育局管理员", Role.ADMIN);
        String clerk = user(ORG, "教育局李明", Role.EDITOR);
        mvc.perform(post("/admin/users/" + clerk + "/roles").with(as(admin)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("至少要选择一个角色")));
        assertThat(rolesOf(clerk)).containsExactly(Role.EDITOR);
    }

    @Test
    void aClerkCannotGiveThemselfOrAnyoneARole() throws Exception {
        String clerk = user(ORG, "教育局信息员", Role.EDITOR);
        mvc.perform(post("/admin/users/" + clerk + "/roles").with(as(clerk)).with(csrf()).param("roles", "ADMIN"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/users/" + clerk + "/roles").with(as(clerk)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"roles\":[\"ADMIN\"]}")).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users/" + clerk).with(as(clerk))).andExpect(status().isForbidden());
        assertThat(rolesOf(clerk)).containsExactly(Role.EDITOR);
    }

    @Test
    void anAdminCannotTouchAUserOfAnotherOrganisationByTypingTheirName() throws Exception {
        String admin = user(ORG, "教育局管理员", Role.ADMIN);
        String stranger = user(OTHER_ORG, "民政局职员", Role.EDITOR);
        mvc.perform(get("/admin/users/" + stranger).with(as(admin))).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("您只能管理本单位的用户")));
        mvc.perform(post("/admin/users/" + stranger + "/roles").with(as(admin)).with(csrf())
                .param("roles", "APPROVER")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/" + stranger + "/reset").with(as(admin)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/" + stranger + "/disable").with(as(admin)).with(csrf())
                .param("confirm", "true")).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/users/" + stranger + "/roles").with(as(admin))
                .contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"APPROVER\"]}"))
                .andExpect(status().isForbidden());
        assertThat(rolesOf(stranger)).containsExactly(Role.EDITOR);
        assertThat(enabled(stranger)).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM password_reset r JOIN account_user u ON u.id = r.user_id "
                + "WHERE u.username = ?", Long.class, stranger)).isZero();
    }

    @Test
    void anAdminKeepsTheirOwnAdminRole() throws Exception {
        String admin = user(ORG, "教育局管理员", Role.ADMIN, Role.EDITOR);
        mvc.perform(post("/admin/users/" + admin + "/roles").with(as(admin)).with(csrf()).param("roles", "EDITOR"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("不能取消自己的管理员角色")));
        assertThat(rolesOf(admin)).containsExactly(Role.EDITOR, Role.ADMIN);
    }

    @Test
    void onlyTheCityOfficeMakesAnAuditorAndNobodyMakesASupervisorHere() throws Exception {
        String admin = user(ORG, "教育局管理员", Role.ADMIN);
        String clerk = user(ORG, "教育局职员", Role.EDITOR);
        mvc.perform(post("/admin/users/" + clerk + "/roles").with(as(admin)).with(csrf()).param("roles", "AUDITOR"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/" + clerk + "/roles").with(as(admin)).with(csrf())
                .param("roles", "SUPERVISOR")).andExpect(content().string(containsString("社会监督员")));
        assertThat(rolesOf(clerk)).containsExactly(Role.EDITOR);
        mvc.perform(put("/api/v1/users/" + clerk + "/roles").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"roles\":[\"EDITOR\",\"AUDITOR\"]}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[1]").value("AUDITOR"));
    }

    // ----- 停用

    @Test
    void disablingAsksForConfirmationThenEndsTheSessions() throws Exception {
        String admin = user(ORG, "教育局管理员", Role.ADMIN);
        String clerk = user(ORG, "教育局赵强", Role.EDITOR);
        Cookie session = signedIn(clerk, Acting.PASSWORD);
        assertThat(sessionsOf(clerk)).isEqualTo(1);

        mvc.perform(get("/admin/users/" + clerk + "/disable").with(as(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("不能再登录后台")))
                .andExpect(content().string(containsString("登录会话立即结束")))
                .andExpect(content().string(containsString("都保留")))
                .andExpect(content().string(containsString("name=\"confirm\"")));
        mvc.perform(post("/admin/users/" + clerk + "/disable").with(as(admin)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请先勾选")));
        assertThat(enabled(clerk)).isTrue();
        assertThat(sessionsOf(clerk)).isEqualTo(1);

        mvc.perform(post("/admin/users/" + clerk + "/disable").with(as(admin)).with(csrf()).param("confirm", "true"))
                .andExpect(redirectedUrl("/admin/users/" + clerk));
        assertThat(enabled(clerk)).isFalse();
        assertThat(sessionsOf(clerk)).isZero();
        mvc.perform(get("/admin").cookie(session)).andExpect(redirectedUrl("/admin/login"));
        mvc.perform(post("/admin/login").with(csrf()).param("username", clerk).param("password", Acting.PASSWORD))
                .andExpect(redirectedUrl("/admin/login?error"));

        mvc.perform(post("/admin/users/" + clerk + "/enable").with(as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + clerk));
        assertThat(enabled(clerk)).isTrue();
        signedIn(clerk, Acting.PASSWORD);
    }

    @Test
    void nobodyDisablesThemself() throws Exception {
        String admin = user(ORG, "教育局管理员", Role.ADMIN);
        mvc.perform(get("/admin/users/" + admin).with(as(admin))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("停用此账号"))))
                .andExpect(content().string(containsString("不能停用自己的账号")));
        mvc.perform(post("/admin/users/" + admin + "/disable").with(as(admin)).with(csrf()).param("confirm", "true"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("不能停用自己的账号")));
        mvc.perform(post("/api/v1/users/" + admin + "/disable").with(as(admin))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("不能停用自己的账号")));
        assertThat(enabled(admin)).isTrue();
    }

    // ----- password reset

    private String[] issue(String admin, String clerk) throws Exception {
        String page = mvc.perform(post("/admin/users/" + clerk + "/reset").with(as(admin)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher link = LINK.matcher(page);
        Matcher code = CODE.matcher(page);
        assertThat(link.find()).as("the page shows the link").isTrue();
        assertThat(code.find()).as("the page shows the code").isTrue();
        return new String[] {link.group(1), code.group(1)};
    }

    @Test
    void aResetLinkSetsANewPasswordOnceAndEndsTheSessions() throws Exception {
        String admin = user(ORG, "教育局管理员", Role.ADMIN);
        String clerk = user(ORG, "教育局孙丽", Role.EDITOR);
        Cookie session = signedIn(clerk, Acting.PASSWORD);
        String[] issued = issue(admin, clerk);
        String token = issued[0];
        // Only hashes are kept.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM password_reset WHERE token_hash = ? OR code_hash LIKE ?",
                Long.class, token, "%" + issued[1].replace(" ", "") + "%")).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM password_reset WHERE token_hash = ?", Long.class,
                Accounts.hashToken(token))).isEqualTo(1);

        mvc.perform(get("/admin/reset/" + token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("教育局孙丽")));
        mvc.perform(post("/admin/reset/" + token).with(csrf()).param("newPassword", NEW_PASSWORD)
                .param("newPasswordRepeat", NEW_PASSWORD + "x"))
                .andExpect(content().string(containsString("两次输入的新密码不一致")));
        mvc.perform(post("/admin/reset/" + token).with(csrf()).param("newPassword", "short")
                .param("newPasswordRepeat", "short")).andExpect(content().string(containsString("密码长度应为12至128位")));
        mvc.perform(post("/admin/reset/" + token).with(csrf()).param("newPassword", NEW_PASSWORD)
                .param("newPasswordRepeat", NEW_PASSWORD)).andExpect(redirectedUrl("/admin/login"));

        assertThat(sessionsOf(clerk)).isZero();
        mvc.perform(get("/admin").cookie(session)).andExpect(redirectedUrl("/admin/login"));
        signedIn(clerk, NEW_PASSWORD);

        mvc.perform(get("/admin/reset/" + token)).andExpect(content().string(containsString("已经用过")));
        mvc.perform(post("/admin/reset/" + token).with(csrf()).param("newPassword", "Another-Passw0rd-1")
                .param("newPasswordRepeat", "Another-Passw0rd-1"))
                .andExpect(content().string(containsString("已经用过")));
        signedIn(clerk, NEW_PASSWORD);

        var actions = jdbc.queryForList("SELECT action FROM audit_event WHERE target_id = ? ORDER BY id", String.class,
                clerk);
        assertThat(actions).contains("user.reset-password.issue", "user.reset-password.done",
                "user.reset-password.failed");
    }

    @Test
    void anExpiredOrReplacedLinkAndAWrongCodeAreRefused() throws Exception {
        String admin = user(ORG, "教育局管理员", Role.ADMIN);
        String clerk = user(ORG, "教育局周明", Role.EDITOR);
        String first = issue(admin, clerk)[0];
        String[] second = issue(admin, clerk);
        mvc.perform(get("/admin/reset/" + first)).andExpect(content().string(containsString("已失效")));

        jdbc.update("UPDATE password_reset SET expires_at = issued_at WHERE token_hash = ?",
                Accounts.hashToken(second[0]));
        mvc.perform(get("/admin/reset/" + second[0])).andExpect(content().string(containsString("已过期")));
        mvc.perform(post("/admin/reset").with(csrf()).param("username", clerk).param("code", second[1])
                .param("newPassword", NEW_PASSWORD).param("newPasswordRepeat", NEW_PASSWORD))
                .andExpect(content().string(containsString("已过期")));

        mvc.perform(get("/admin/reset/not-a-real-token")).andExpect(content().string(containsString("重置链接不正确")));

        String[] third = issue(admin, clerk);
        mvc.perform(post("/admin/reset").with(csrf()).param("username", clerk).param("code", "0000 0000")
                .param("newPassword", NEW_PASSWORD).param("newPasswordRepeat", NEW_PASSWORD))
                .andExpect(content().string(containsString("用户名或重置码不正确")));
        // A code is good only with its own username.
        String other = user(ORG, "教育局另一人", Role.EDITOR);
        mvc.perform(post("/admin/reset").with(csrf()).param("username", other).param("code", third[1])
                .param("newPassword", NEW_PASSWORD).param("newPasswordRepeat", NEW_PASSWORD))
                .andExpect(content().string(containsString("用户名或重置码不正确")));
        mvc.perform(post("/admin/reset").with(csrf()).param("username", clerk).param("code", third[1])
                .param("newPassword", NEW_PASSWORD).param("newPasswordRepeat", NEW_PASSWORD))
                .andExpect(redirectedUrl("/admin/login"));
        signedIn(clerk, NEW_PASSWORD);
        mvc.perform(post("/admin/login").with(csrf()).param("username", other).param("password", NEW_PASSWORD))
                .andExpect(redirectedUrl("/admin/login?error"));
    }

    @Test
    void guessingCodesIsStoppedLikeGuessingPasswords() throws Exception {
        String admin = user(ORG, "教育局管理员", Role.ADMIN);
        String clerk = user(ORG, "教育局吴刚", Role.EDITOR);
        String code = issue(admin, clerk)[1];
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/admin/reset").with(csrf()).param("username", clerk).param("code", "1234567" + i)
                    .param("newPassword", NEW_PASSWORD).param("newPasswordRepeat", NEW_PASSWORD))
                    .andExpect(content().string(containsString("用户名或重置码不正确")));
        }
        mvc.perform(post("/admin/reset").with(csrf()).param("username", clerk).param("code", code)
                .param("newPassword", NEW_PASSWORD).param("newPasswordRepeat", NEW_PASSWORD))
                .andExpect(status().isTooManyRequests()).andExpect(content().string(containsString("失败次数过多")));
        mvc.perform(post("/admin/login").with(csrf()).param("username", clerk).param("password", NEW_PASSWORD))
                .andExpect(redirectedUrl("/admin/login?error"));
    }

    @Test
    void theResetPagesAreOpenWithoutSigningInButTheAdminsAreNot() throws Exception {
        mvc.perform(get("/admin/reset")).andExpect(status().isOk())
                .andExpect(content().string(containsString("重置码")));
        mvc.perform(post("/admin/users/admin/reset").with(csrf())).andExpect(status().is3xxRedirection());
        // The old path, where an admin typed the new password and so knew it, is gone.
        String admin = user(ORG, "教育局管理员", Role.ADMIN);
        String clerk = user(ORG, "教育局郑华", Role.EDITOR);
        mvc.perform(post("/admin/users/" + clerk + "/password").with(as(admin)).with(csrf())
                .param("password", NEW_PASSWORD)).andExpect(status().is4xxClientError());
    }

    @Test
    void theApiIssuesAResetUnderTheSameRule() throws Exception {
        String admin = user(ORG, "教育局管理员", Role.ADMIN);
        String clerk = user(ORG, "教育局钱进", Role.EDITOR);
        mvc.perform(post("/api/v1/users/" + clerk + "/password-reset").with(as(admin)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.link").value(containsString("/admin/reset/")))
                .andExpect(jsonPath("$.code").value(org.hamcrest.Matchers.matchesPattern("\\d{4} \\d{4}")));
        mvc.perform(post("/api/v1/users/" + admin + "/password-reset").with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("修改密码")));
        mvc.perform(get("/api/v1/users/" + clerk).with(as(admin))).andExpect(status().isOk())
                .andExpect(jsonPath("$.actions.disable.allowed").value(true))
                .andExpect(jsonPath("$.orgName").value("宜春市教育局"));
    }
}
