/**
 * Notifications: for now the printable notice (公示) for a village or community notice board, an A4 PDF with a QR
 * code and an access code that lead to the record online. Subscriptions and their channels (Atom, e-mail, SMS,
 * webhooks, targeted push) will come here later.
 */
package gongkai.notify;
