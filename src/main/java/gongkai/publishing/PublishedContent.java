package gongkai.publishing;

import java.time.Instant;
import java.util.Map;

import gongkai.shared.CanonicalJson;

/**
 * The public content of one published version: the object whose canonical JSON (RFC 8785) is hashed into the
 * version's content hash and logged. It holds what the public reads — metadata, body, structured rows with
 * personal fields masked, attachment hashes — so anyone can recompute the hash from the record's JSON.
 *
 * @param content        the content object, as the record's JSON gives it under {@code content}
 * @param recordedSha256 the hash stored when the version was published (recomputing it from the content must
 *                       give the same unless something changed since)
 * @param publishedAt    when the version was published
 */
public record PublishedContent(String indexNo, int version, Map<String, Object> content, String recordedSha256,
        Instant publishedAt) {

    /** Lowercase hex SHA-256 of the UTF-8 canonical JSON of the content, as it is now. */
    public String sha256() {
        return CanonicalJson.sha256Hex(content);
    }
}
