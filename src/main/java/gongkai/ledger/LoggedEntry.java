package gongkai.ledger;

/** An entry as it stands in the log: its position, its text verbatim and its RFC 6962 leaf hash (lowercase hex). */
public record LoggedEntry(long leafIndex, String entry, String leafHash) {
}
