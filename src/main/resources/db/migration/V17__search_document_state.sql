-- The content hash of the published version each search document was made from: at start the search module compares
-- these with the records (and with the index) and repairs what differs. Documents written before have none, so the
-- first start after this migration finds them all stale and rebuilds the index.
ALTER TABLE search_document ADD COLUMN content_sha256 VARCHAR(64);
