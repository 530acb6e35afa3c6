package gongkai.account.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

import gongkai.shared.AfterCommit;

/**
 * Ends a user's sign-in sessions (kept in the database by Spring Session JDBC, so on every node at once): when they are
 * disabled, their password is reset or their roles change, since a session keeps the roles it signed in with.
 */
@Component
public class UserSessions {

    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

    UserSessions(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
        this.sessions = sessions;
    }

    /** Once the current transaction commits (a refused change ends nothing): ends every session of the user. */
    public void endAllAfterCommit(String username) {
        AfterCommit.run(() -> endAll(username));
    }

    void endAll(String username) {
        FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
        if (repository != null) {
            repository.findByPrincipalName(username).keySet().forEach(repository::deleteById);
        }
    }
}
