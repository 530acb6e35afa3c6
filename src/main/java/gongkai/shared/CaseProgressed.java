package gongkai.shared;

/**
 * A step that concerns the person behind a case was taken: for an information request a 补正 notice, an extension, a
 * consultation that pauses the clock, a fee notice, the answer; for a complaint its transfer or answer. Push (module
 * notify) tells that person on the contact they gave, read through the case module's {@link CaseContacts}. It lives
 * here, not in requests or feedback, because those modules already use notify's printing and a module may not
 * depend on one that depends on it. It carries no personal data.
 *
 * @param caseType  {@code request} or {@code complaint}, as the {@link CaseContacts} that answers for it says
 * @param noticeKey what makes this notice one of its kind for the case (a history position, a step and body), so
 *                  that a repeated event sends nothing twice
 * @param label     the step as the person reads it (补正告知, 延长答复期限, 已答复 …)
 * @param org       the organisation handling the case now
 */
public record CaseProgressed(String caseType, String trackingNo, String noticeKey, String label, String org) {
}
