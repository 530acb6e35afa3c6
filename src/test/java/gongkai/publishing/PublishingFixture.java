package gongkai.publishing;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import gongkai.account.Accounts;
import gongkai.account.internal.AccountUserDetailsService;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * What the tests of a record's way through drafting and review share on the whole platform ({@code @PlatformTest}
 * on each): the read side, the two services, MockMvc, accounts to create people with, and a signed-in page session.
 */
abstract class PublishingFixture {

    @Autowired
    Records records;
    @Autowired
    Drafting drafting;
    @Autowired
    Publishing publishing;
    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    AccountUserDetailsService principals;
    @Autowired
    JdbcTemplate jdbc;

    /** A back-office page request as this person, signed in with a session (not HTTP Basic). */
    RequestPostProcessor page(String username) {
        return user(principals.loadUserByUsername(username));
    }
}
