/**
 * Backup (备份): one archive of what a restore on an empty machine needs besides PostgreSQL's own dump — the embedded
 * database's online backup (H2 only), the attachments, the ledger key pair and the reference overrides — with a
 * manifest and the SHA-256 of every entry. {@code scripts/backup.sh} fetches it; {@code scripts/restore.sh} puts it
 * back while the platform is stopped. The search index is left out: search rebuilds it at start when it is missing.
 */
package gongkai.backup;
