-- Issue 13: the website self-inspection and the daily flags ask, for each body and item, when it last published;
-- the assessment reads a year's policy documents. With these indexes each is one short index range instead of a pass
-- over every record.
CREATE INDEX disclosure_record_item_org_published_idx ON disclosure_record (catalog_item, org_code, first_published_at);
CREATE INDEX disclosure_record_item_published_idx ON disclosure_record (catalog_item, first_published_at);
