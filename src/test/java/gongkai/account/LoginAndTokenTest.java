package gongkai.account;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Sign-in by form (with CSRF) and by API token; throttling after repeated failures. */
@PlatformTest
class LoginAndTokenTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    AuditTrail audit;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void backOfficeNeedsSignIn() throws Exception {
        mvc.perform(get("/admin/users")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/login"));
    }

    @Test
    void formLoginNeedsTheCsrfToken() throws Exception {
        String user = Acting.newUser(accounts, "ycsmzj", Role.EDITOR);
        mvc.perform(post("/admin/login").param("username", user).param("password", Acting.PASSWORD))
                .andExpect(status().isForbidden());
        var signedIn = mvc.perform(post("/admin/login").with(csrf()).param("username", user)
                        .param("password", Acting.PASSWORD))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin")).andReturn();
        // The session lives in the database (any node can serve the next request), and it signs the user in.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?", Long.class,
                user)).isEqualTo(1);
        mvc.perform(get("/admin").cookie(signedIn.getResponse().getCookie("SESSION"))).andExpect(status().isOk());
        var entries = Acting.as(Acting.cityAdmin(),
                () -> audit.search(new AuditTrail.Query(user, null, null, null, null), 0).getContent());
        assertThat(entries).anyMatch(e -> e.action().equals("login"));
    }

    @Test
    void repeatedFailuresLockTheAccountForAWhile() throws Exception {
        String user = Acting.newUser(accounts, "ycsmzj", Role.EDITOR);
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic(user, "wrong-password-" + i)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/me").with(httpBasic(user, Acting.PASSWORD)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("登录失败次数过多")));
        mvc.perform(post("/admin/login").with(csrf()).param("username", user).param("password", Acting.PASSWORD))
                .andExpect(redirectedUrl("/admin/login?error"));
        // Counted in the database: another node refuses the same user too.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM login_failure WHERE throttle_key = ?", Long.class,
                "u:" + user.toLowerCase())).isGreaterThanOrEqualTo(5);
        var failures = Acting.as(Acting.cityAdmin(),
                () -> audit.search(new AuditTrail.Query(user, null, null, null, null), 0).getContent());
        assertThat(failures).filteredOn(e -> e.action().equals("login.failed")).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void apiTokensWorkUntilRevoked() throws Exception {
        String user = Acting.newUser(accounts, "ycsjyj", Role.EDITOR);
        IssuedToken token = Acting.as(actorOf(user), () -> accounts.issueToken("数据同步脚本", 30));
        assertThat(token.secret()).startsWith("gk_").hasSizeGreaterThan(40);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token.secret()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value(user))
                .andExpect(jsonPath("$.org").value("ycsjyj"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer gk_not-a-real-token"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("API令牌无效")));
        Acting.as(actorOf(user), () -> accounts.revokeToken(token.id()));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token.secret()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void tokenRequestsAreValidated() {
        String user = Acting.newUser(accounts, "ycsjyj", Role.EDITOR);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Acting.as(actorOf(user), () -> accounts.issueToken(" ", 30)))
                .isInstanceOf(gongkai.shared.InvalidInputProblem.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Acting.as(actorOf(user), () -> accounts.issueToken("脚本", 5000)))
                .hasMessageContaining("有效期");
        assertThat(Acting.as(actorOf(user), accounts::ownTokens)).isEmpty();
    }

    @Test
    void loginPageIsChineseAndCarriesACsrfToken() throws Exception {
        mvc.perform(get("/admin/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("登录后台")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
    }

    private gongkai.shared.Actor actorOf(String username) {
        UserAccount account = accounts.find(username).orElseThrow();
        return new gongkai.shared.Actor(username, account.orgCode(), account.roles(), false);
    }
}
