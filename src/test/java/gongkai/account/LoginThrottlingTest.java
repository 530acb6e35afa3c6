package gongkai.account;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import gongkai.support.Origins;
import gongkai.support.PlatformTest;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Someone guessing {@code admin}'s password from one address is stopped there, and cannot lock the real admin out
 * from anywhere else.
 */
@PlatformTest
class LoginThrottlingTest {

    /** application-test.yaml: the password {@code admin} is created with. */
    private static final String ADMIN_PASSWORD = "Test-Admin-Passw0rd";

    @Autowired
    MockMvc mvc;

    @Test
    void aGuesserElsewhereDoesNotLockTheAdminOut() throws Exception {
        String attacker = Origins.fresh();
        String office = Origins.fresh();
        for (int i = 0; i < 8; i++) {
            mvc.perform(post("/admin/login").with(csrf()).with(from(attacker)).param("username", "admin")
                    .param("password", "guess-" + i)).andExpect(redirectedUrl("/admin/login?error"));
        }
        // The real admin, from the office, signs in at once, by form and on the API.
        mvc.perform(post("/admin/login").with(csrf()).with(from(office)).param("username", "admin")
                .param("password", ADMIN_PASSWORD)).andExpect(redirectedUrl("/admin"));
        mvc.perform(get("/api/v1/me").with(from(office)).with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value("admin"));
        // The guesser is refused even with the right password (a lucky guess gets nothing), and told why.
        mvc.perform(post("/admin/login").with(csrf()).with(from(attacker)).param("username", "admin")
                .param("password", ADMIN_PASSWORD)).andExpect(redirectedUrl("/admin/login?error"));
        mvc.perform(get("/api/v1/me").with(from(attacker)).with(httpBasic("ADMIN ", ADMIN_PASSWORD)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("登录失败次数过多")));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
