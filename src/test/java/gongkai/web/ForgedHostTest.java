package gongkai.web;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.account.Accounts;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A request naming another host (Host or X-Forwarded-Host) gets no link to that host: absolute links name the
 * configured public address (unset in tests: http://localhost:8080), redirects stay on this site.
 */
@PlatformTest
class ForgedHostTest {

    private static final String FORGED = "evil.example";

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;

    @Test
    void theFeedLinksToThePublicAddress() throws Exception {
        String feed = mvc.perform(get("/feeds/records.atom").header("Host", FORGED)
                        .header("X-Forwarded-Host", FORGED).header("X-Forwarded-Proto", "https"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(feed).doesNotContain(FORGED)
                .contains("<id>http://localhost:8080/feeds/records.atom</id>",
                        "href=\"http://localhost:8080/records\"");
    }

    @Test
    void theVerifierCommandLineNamesThePublicAddress() throws Exception {
        String page = mvc.perform(get("/verify").header("Host", FORGED)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(FORGED).contains("<span>http://localhost:8080</span>");
    }

    @Test
    void signingInAfterAForgedRequestLandsOnThisSite() throws Exception {
        String user = Acting.newUser(accounts, "ycsmzj", Role.EDITOR);
        var refused = mvc.perform(get("/admin/records").header("Host", FORGED)).andExpect(status().isFound())
                .andReturn().getResponse();
        assertThat(refused.getHeader("Location")).doesNotContain(FORGED);
        Cookie session = refused.getCookie("SESSION");
        assertThat(session).as("the refused request is remembered in a session").isNotNull();
        var signedIn = mvc.perform(post("/admin/login").cookie(session).with(csrf()).header("Host", FORGED)
                        .param("username", user).param("password", Acting.PASSWORD))
                .andExpect(status().isFound()).andReturn().getResponse();
        assertThat(signedIn.getHeader("Location")).doesNotContain(FORGED).startsWith("/admin/records");
    }
}
