-- Issue 10, point 7.
-- requests: the public form's human check takes one answer per question. The question's one-time nonce is written
-- here when the form is answered, right or wrong, so a second answer to the same question is refused on every node
-- (HumanCheck). Rows older than the question's maximum age are deleted by a scheduled job.
CREATE TABLE human_check_answer (
    nonce       VARCHAR(24) PRIMARY KEY,
    answered_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX human_check_answer_at_idx ON human_check_answer (answered_at);

-- publishing: wrong access codes of targeted records are counted per address from the access log, in the database
-- (TargetedAccessGuard), instead of in one node's memory.
CREATE INDEX targeted_access_addr_idx ON targeted_access (remote_addr, at);
