/**
 * The transparency log (公开日志): every publication, change and withdrawal appended to an RFC 6962 Merkle log with
 * Ed25519-signed tree heads, and the {@code /verify} page on which anyone checks a record against it in the browser.
 */
package gongkai.ledger;
