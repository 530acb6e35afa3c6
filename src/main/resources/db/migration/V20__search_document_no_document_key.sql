-- The 文号's key is no longer kept beside the record: the index derives the keys of the 文号 and the index number
-- (gongkai.search.internal.DocumentNumbers) when it writes a document, so a change to the key cannot leave stale rows.
ALTER TABLE search_document DROP COLUMN document_key;
