-- Issue 14: table 二 of the annual report counts 规章 and 行政规范性文件 issued, repealed and in force. A record states
-- its document category (null = other) and how long it is valid (有效期至, null = no end), in the working copy and in
-- every published version, which freezes them with the rest of its content.
ALTER TABLE disclosure_record ADD COLUMN document_category VARCHAR(20);
ALTER TABLE disclosure_record ADD COLUMN valid_until DATE;
ALTER TABLE record_version ADD COLUMN document_category VARCHAR(20);
ALTER TABLE record_version ADD COLUMN valid_until DATE;

-- The yearly figures start from the few versions of those two categories rather than from every record.
CREATE INDEX record_version_category_idx ON record_version (document_category, record_id);
