package gongkai.account;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code POST /api/v1/users}: only an ADMIN succeeds, only for their organisation, and bad input changes nothing. */
@PlatformTest
class UserApiSecurityTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;

    private static String body(String username, String org, String roles) {
        return """
                {"username":"%s","password":"Strong-Passw0rd-1","displayName":"张三","org":"%s","roles":[%s]}
                """.formatted(username, org, roles);
    }

    @Test
    void withoutCredentialsIsUnauthorised() throws Exception {
        long before = accounts.count();
        mvc.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON).content(body("anon1", "ycsmzj", "\"EDITOR\"")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("需要登录")));
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void wrongPasswordIsUnauthorised() throws Exception {
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", "not-the-password"))
                        .contentType(MediaType.APPLICATION_JSON).content(body("anon2", "ycsmzj", "\"EDITOR\"")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void noRoleButAdminSucceeds() throws Exception {
        long before = accounts.count();
        java.util.List<String> refused = new java.util.ArrayList<>();
        for (Role role : new Role[] {Role.EDITOR, Role.REVIEWER, Role.APPROVER, Role.AUDITOR}) {
            String user = Acting.newUser(accounts, "ycsmzj", role);
            refused.add("x" + user);
            mvc.perform(post("/api/v1/users").with(httpBasic(user, Acting.PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON).content(body("x" + user, "ycsmzj", "\"EDITOR\"")))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            mvc.perform(get("/api/v1/users").with(httpBasic(user, Acting.PASSWORD))).andExpect(status().isForbidden());
        }
        assertThat(accounts.count()).isEqualTo(before + 4);
        assertThat(refused).allSatisfy(u -> assertThat(accounts.find(u)).isEmpty());
    }

    @Test
    void anEditorCannotCreateAUserForAnotherOrganisation() throws Exception {
        String editor = Acting.newUser(accounts, "ycsmzj", Role.EDITOR);
        mvc.perform(post("/api/v1/users").with(httpBasic(editor, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body("e-other", "ycshbj", "\"EDITOR\"")))
                .andExpect(status().isForbidden());
        assertThat(accounts.find("e-other")).isEmpty();
    }

    @Test
    void anOrganisationsAdminCreatesUsersOnlyForItself() throws Exception {
        String countyAdmin = Acting.newUser(accounts, "yzqzf", Role.ADMIN);
        mvc.perform(post("/api/v1/users").with(httpBasic(countyAdmin, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body("yz-other", "ycsmzj", "\"EDITOR\"")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("您只能为本单位创建用户。"));
        assertThat(accounts.find("yz-other")).isEmpty();

        mvc.perform(post("/api/v1/users").with(httpBasic(countyAdmin, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body("yz-auditor", "yzqzf", "\"AUDITOR\"")))
                .andExpect(status().isForbidden());

        mvc.perform(post("/api/v1/users").with(httpBasic(countyAdmin, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body("yz-editor", "yzqzf", "\"EDITOR\"")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.orgCode").value("yzqzf"));
    }

    @Test
    void theCityAdminCreatesForAnyOrganisationAndTheChangeIsAudited() throws Exception {
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", "Test-Admin-Passw0rd"))
                        .contentType(MediaType.APPLICATION_JSON).content(body("hb-editor", "ycshbj", "\"EDITOR\",\"REVIEWER\"")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value("hb-editor"))
                .andExpect(jsonPath("$.roles", hasItem("REVIEWER")))
                .andExpect(jsonPath("$.password").doesNotExist());
        String auditor = Acting.newUser(accounts, "ycszfb", Role.AUDITOR);
        mvc.perform(get("/api/v1/audit").param("targetType", "user").param("targetId", "hb-editor")
                        .with(httpBasic(auditor, Acting.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[0].action").value("user.create"))
                .andExpect(jsonPath("$.entries[0].actor").value("admin"))
                .andExpect(jsonPath("$.entries[0].remoteAddress").value("127.0.0.1"));
        // The new user can sign in with the password given.
        mvc.perform(get("/api/v1/me").with(httpBasic("hb-editor", "Strong-Passw0rd-1"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.org").value("ycshbj"));
    }

    @Test
    void badInputNamesEachFieldAndChangesNothing() throws Exception {
        long before = accounts.count();
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", "Test-Admin-Passw0rd"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"a\",\"password\":\"short\",\"displayName\":\"\",\"org\":\"ycsmzj\",\"roles\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("username")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("password")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("displayName")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("roles")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("密码长度应为12至128位")));
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", "Test-Admin-Passw0rd"))
                        .contentType(MediaType.APPLICATION_JSON).content(body("nobody-org", "no-such-org", "\"EDITOR\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("org"));
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", "Test-Admin-Passw0rd"))
                        .contentType(MediaType.APPLICATION_JSON).content(body("admin", "ycszfb", "\"EDITOR\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("username"));
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", "Test-Admin-Passw0rd"))
                        .contentType(MediaType.APPLICATION_JSON).content(body("bad-role", "ycszfb", "\"KING\"")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", "Test-Admin-Passw0rd"))
                        .contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("JSON")));
        assertThat(accounts.count()).isEqualTo(before);
    }
}
