-- The period a record of a scheduled item covers (2026-10, 2026-Q3, 2026), in the working copy and in every
-- published version, which freezes it with the rest of its content. Null for event items and for older records.
ALTER TABLE disclosure_record ADD COLUMN reporting_period VARCHAR(10);
ALTER TABLE record_version ADD COLUMN reporting_period VARCHAR(10);

-- Who published what for which period: the supervision of scheduled items looks records up by item, body and period.
CREATE INDEX disclosure_record_period_idx ON disclosure_record (catalog_item, org_code, reporting_period);
