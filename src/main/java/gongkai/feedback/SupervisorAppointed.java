package gongkai.feedback;

/**
 * The answer to an appointment: the supervisor's number, the account's username and its initial password, shown this
 * once for the office to hand over.
 */
public record SupervisorAppointed(long id, String username, String initialPassword) {
}
