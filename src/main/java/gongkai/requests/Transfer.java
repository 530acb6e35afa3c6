package gongkai.requests;

/**
 * Sending a request on to the body that holds the information (art. 36(五)).
 *
 * @param org     an organisation of this platform: the request is handed to it as a new request the applicant follows
 *                with the same query code
 * @param body    otherwise the name of the body outside the platform
 * @param contact that body's contact details (for the letter)
 * @param reason  why it is not this organisation's information
 */
public record Transfer(String org, String body, String contact, String reason) {
}
