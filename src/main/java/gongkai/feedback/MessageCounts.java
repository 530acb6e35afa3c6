package gongkai.feedback;

/**
 * One body's questions: received, answered (released by its review) and answered by the due date.
 */
public record MessageCounts(String orgCode, String orgName, long received, long answered, long answeredOnTime) {
}
