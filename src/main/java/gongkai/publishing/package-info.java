/**
 * Government information records (政府信息): entry against the catalogue with the standard metadata, the three-step
 * review, index numbers, versions, withdrawal, attachments, structured rows, targeted disclosure and interpretations.
 * Publishing, revising and withdrawing commit an event in the same transaction; every later module listens to them.
 */
package gongkai.publishing;
