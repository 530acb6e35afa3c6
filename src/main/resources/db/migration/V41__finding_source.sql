-- A supervision finding may come from an auditor's check, a substantiated complaint or a social supervisor; the check
-- it belongs to says which, and names its source (the complaint's number, the supervisor's finding).
ALTER TABLE supervision_check ADD COLUMN source VARCHAR(20) DEFAULT 'AUDIT' NOT NULL;
ALTER TABLE supervision_check ADD COLUMN source_ref VARCHAR(100);
