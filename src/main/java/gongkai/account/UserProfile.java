package gongkai.account;

import java.time.Instant;

/** One user as their admin's page shows them: the account, the organisation's name, the last sign-in if any. */
public record UserProfile(UserAccount account, String orgName, Instant lastSignIn, UserActions actions) {
}
