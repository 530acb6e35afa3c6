/**
 * Government information records (政府信息): entry against the catalogue with the standard metadata, the three-step
 * review, index numbers, versions, withdrawal, attachments, structured rows, targeted disclosure and interpretations.
 * Drafting ({@link gongkai.publishing.Drafting}) and the review ({@link gongkai.publishing.Publishing}) are its
 * use cases; the record itself decides what each person may do to it. Publishing, revising and withdrawing commit an
 * event in the same transaction; every later module listens to them.
 */
package gongkai.publishing;
