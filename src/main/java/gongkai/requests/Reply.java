package gongkai.requests;

/**
 * The answer (body of {@code POST /api/v1/requests/{trackingNo}/reply}).
 *
 * @param outcome            a {@link RequestOutcome} code
 * @param text               what is provided and how to obtain it, or the reasons: printed in the reply letter
 * @param responsibleBody    for {@link RequestOutcome#NOT_HELD}: the body that holds the information, if known
 *                           (art. 36(五)); the letter names it
 * @param responsibleContact its contact details
 */
public record Reply(String outcome, String text, String responsibleBody, String responsibleContact) {
}
