package gongkai.support;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import gongkai.account.Accounts;
import gongkai.account.internal.AccountUserDetailsService;
import gongkai.shared.Role;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Signs a back-office user in for a MockMvc request with their real principal (organisation, roles), as the session
 * login does. Part of every {@link PlatformTest} context.
 */
@TestComponent
public class BackOfficeSignIn {

    private final AccountUserDetailsService principals;
    private final Accounts accounts;

    BackOfficeSignIn(AccountUserDetailsService principals, Accounts accounts) {
        this.principals = principals;
        this.accounts = accounts;
    }

    /** An existing user, e.g. {@code "admin"}. */
    public RequestPostProcessor as(String username) {
        return user(principals.loadUserByUsername(username));
    }

    /** A new user of the organisation with these roles ({@link Acting#newUser}). */
    public RequestPostProcessor asNew(String org, Role... roles) {
        return as(Acting.newUser(accounts, org, roles));
    }
}
