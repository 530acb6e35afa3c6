package gongkai.catalog;

import java.time.Instant;

/**
 * A catalogue item was amended (its attributes, or a field of its schema), committed with the amendment. The
 * ledger logs the item's new content hash, so the catalogue's history is as verifiable as the records'.
 *
 * @param contentSha256 lowercase hex SHA-256 of the canonical JSON of {@link CatalogItem#publicContent()} after the
 *                      amendment
 */
public record CatalogItemChanged(String code, String contentSha256, Instant at) {
}
