package gongkai.feedback;

/**
 * Published when a complaint moves on (transferred, answered), after the change. It is the seam for telling the
 * complainant by e-mail or SMS once push exists (issue 18): a listener reads the contact through
 * {@link Complaints#contactForNotice(String)}. It carries no personal data itself.
 *
 * @param kind TRANSFERRED or ANSWERED
 */
public record ComplaintProgressed(String trackingNo, String kind, String org) {
}
