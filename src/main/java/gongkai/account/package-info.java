/**
 * Accounts: users of the back office, each in one organisation with one or more roles; API tokens; login with
 * throttling; and the audit trail that records every change any module makes (who, when, what, from where).
 * Security configuration lives here too: sessions with CSRF for pages, HTTP Basic and bearer tokens for the API.
 */
package gongkai.account;
