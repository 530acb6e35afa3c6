package gongkai.publishing;

/**
 * The published version of a record open to everyone, as the search index must hold it: the record's id, its index
 * number and the content hash of its current published version (which changes with every revision).
 */
public record PublicVersion(long recordId, String indexNo, String contentSha256) {
}
