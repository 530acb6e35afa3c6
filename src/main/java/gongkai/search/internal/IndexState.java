package gongkai.search.internal;

/** A search document as the check at start sees it: its record's id and the content hash it was made from. */
public record IndexState(long id, String contentSha256) {
}
