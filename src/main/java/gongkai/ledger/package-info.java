/**
 * The transparency log (公开账本): an append-only RFC 6962 Merkle log of every publication, revision and withdrawal
 * of a record and every catalogue amendment, with Ed25519-signed tree heads and inclusion and consistency proofs
 * that anyone can check. It owns the log's tables (leaves, subtree hashes, heads, self-check results), the signing
 * key, the public proof API and the self-check that compares what is stored with what was logged.
 */
package gongkai.ledger;
