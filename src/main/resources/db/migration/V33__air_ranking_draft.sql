-- Issue 15: the monthly air ranking drafted once per month as a record of catalogue item en-air-ranking. The row is
-- claimed before the record is written, so that one node drafts it and a restart does not draft it again.
CREATE TABLE air_ranking_draft (
    ranking_month  VARCHAR(7)   NOT NULL PRIMARY KEY,
    record_ref     VARCHAR(80),
    drafted_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
