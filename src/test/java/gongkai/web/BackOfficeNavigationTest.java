package gongkai.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import gongkai.shared.Role;
import gongkai.support.BackOfficeSignIn;
import gongkai.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The back office shows each person the sections they may open, and only those: no link leads to a refusal. */
@PlatformTest
class BackOfficeNavigationTest {

    private static final Pattern LINK = Pattern.compile("href=\"(/admin/[a-z-]+)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    BackOfficeSignIn signIn;

    @Test
    void everyLinkShownOpensAndTheRefusedOnesAreNotShown() throws Exception {
        check("ycsjyj", Role.EDITOR, List.of("/admin/audit", "/admin/residents", "/admin/ledger"));
        check("ycsjyj", Role.APPROVER, List.of("/admin/audit", "/admin/residents", "/admin/ledger"));
        check("ycsjyj", Role.AUDITOR, List.of("/admin/residents", "/admin/ledger"));
        check("yzqzf", Role.ADMIN, List.of("/admin/ledger"));
        check("ycszfb", Role.ADMIN, List.of());
        assertThat(mvc.perform(get("/admin").with(signIn.as("admin"))).andReturn()
                .getResponse().getContentAsString()).contains("href=\"/admin/ledger\"", "href=\"/admin/audit\"",
                "href=\"/admin/residents\"");
    }

    private void check(String org, Role role, List<String> hidden) throws Exception {
        RequestPostProcessor who = signIn.asNew(org, role);
        String start = mvc.perform(get("/admin").with(who)).andReturn().getResponse().getContentAsString();
        List<String> links = new ArrayList<>();
        Matcher m = LINK.matcher(start);
        while (m.find()) {
            links.add(m.group(1));
        }
        assertThat(links).as(org + " " + role).contains("/admin/records", "/admin/requests");
        hidden.forEach(h -> assertThat(links).as(org + " " + role).doesNotContain(h));
        for (String link : links) {
            assertThat(mvc.perform(get(link).with(who)).andReturn().getResponse().getStatus())
                    .as(org + " " + role + " opens " + link).isEqualTo(200);
        }
        for (String refused : hidden) {
            assertThat(mvc.perform(get(refused).with(who)).andReturn().getResponse().getStatus())
                    .as(org + " " + role + " is refused " + refused).isEqualTo(403);
        }
    }
}
