-- Everyone who changed a record's working copy in its current round (拟稿): created it, edited it, imported rows,
-- added or removed attachments, applied masking, or submitted it. None of them may review or approve that round
-- (separation of duties, publishing module). The set is emptied when a published record is reopened for a new
-- version: the new round's editors are those who change the new working copy.
CREATE TABLE record_editor (
    record_id BIGINT      NOT NULL REFERENCES disclosure_record (id),
    username  VARCHAR(50) NOT NULL,
    PRIMARY KEY (record_id, username)
);

-- Records under way before this migration: their author and submitter are the editors known for sure.
INSERT INTO record_editor (record_id, username)
SELECT id, created_by FROM disclosure_record WHERE status NOT IN ('PUBLISHED', 'WITHDRAWN');
INSERT INTO record_editor (record_id, username)
SELECT id, submitted_by FROM disclosure_record
WHERE status NOT IN ('PUBLISHED', 'WITHDRAWN') AND submitted_by IS NOT NULL AND submitted_by <> created_by;
