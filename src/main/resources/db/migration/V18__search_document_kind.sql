-- The kind of document (gongkai.search.DocumentKind: policy, interpretation, data, other), derived from the record
-- when its search document is written. Documents written before have none; the index's schema version
-- (SearchDocument.SCHEMA) makes the first start after this change rebuild them all.
ALTER TABLE search_document ADD COLUMN kind VARCHAR(20);
