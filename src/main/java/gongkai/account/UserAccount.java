package gongkai.account;

import java.time.Instant;
import java.util.Set;

import gongkai.shared.Role;

/** 用户: a person who works in the back office for one organisation. */
public record UserAccount(long id, String username, String displayName, String orgCode, Set<Role> roles,
        boolean enabled, Instant createdAt) {

    public UserAccount {
        roles = Role.inOrder(roles);
    }
}
