-- The 查阅码 box finds a targeted record by its code alone (issue 19): index the codes. Attempts with a code that
-- opens no record are logged with no record (targeted_access.record_id was nullable from V7).
CREATE INDEX disclosure_record_access_code_idx ON disclosure_record (access_code);
