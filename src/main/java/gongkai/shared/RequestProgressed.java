package gongkai.shared;

/**
 * A step that concerns the applicant was added to an information request's history: a 补正 notice, an extension, a
 * consultation that pauses the clock, a fee notice, the answer. Published by module requests; push (module notify)
 * tells the applicant, reading the contact through {@link ApplicantContacts}. It lives here, not in requests,
 * because requests already uses notify's printing, and a module may not depend on one that depends on it. It carries
 * no personal data itself.
 *
 * @param seq   the step's position in the history (one notice per step)
 * @param step  the step's kind (CORRECTION_REQUESTED, EXTENDED …)
 * @param label the step as the applicant's history names it (补正告知, 延长答复期限, 答复 …)
 */
public record RequestProgressed(String trackingNo, int seq, String step, String label, String org) {
}
