package gongkai.publishing.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SHA-256 of a published version: over a canonical JSON of everything the public reads (metadata, body, rows,
 * attachment hashes), keys in a fixed order, so anyone holding the same content computes the same hash.
 */
final class ContentHash {

    private ContentHash() {
    }

    static String of(RowsJson json, String indexNo, int version, String org, String publisher, String item,
            String region, String audience, RecordEntity.WorkingCopy c, List<Map<String, String>> attachments) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("indexNo", indexNo);
        canonical.put("version", version);
        canonical.put("org", org);
        canonical.put("publisher", publisher);
        canonical.put("catalogItem", item);
        canonical.put("region", region);
        canonical.put("audience", audience);
        canonical.put("title", c.title());
        canonical.put("summary", c.summary());
        canonical.put("documentNumber", c.documentNumber());
        canonical.put("writtenOn", String.valueOf(c.writtenOn()));
        canonical.put("keywords", c.keywords());
        canonical.put("subjectClass", c.subjectClass());
        canonical.put("body", c.body());
        canonical.put("data", json.read(c.dataJson()));
        canonical.put("attachments", attachments);
        return sha256(json.writeValue(canonical));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
