-- A relief campaign stops taking receipts (停止接收): when, by whom and the organiser's public statement. Allocations
-- and reversals of what is on hand go on after it. Instants are UTC.
ALTER TABLE donation_campaign ADD COLUMN closed_at TIMESTAMP;
ALTER TABLE donation_campaign ADD COLUMN closed_by VARCHAR(100);
ALTER TABLE donation_campaign ADD COLUMN close_statement VARCHAR(1000);

-- Attempts counted by a flood limit (gongkai.shared.FloodLimits) that has no table of its own to count from, e.g. a
-- donor's receipt lookups: one row per attempt and client, kept until its window has passed.
CREATE TABLE flood_attempt (
    action_key  VARCHAR(60)  NOT NULL,
    client_addr VARCHAR(64)  NOT NULL,
    at          TIMESTAMP    NOT NULL,
    expires_at  TIMESTAMP    NOT NULL
);

CREATE INDEX flood_attempt_client ON flood_attempt (action_key, client_addr, at);
CREATE INDEX flood_attempt_expires ON flood_attempt (expires_at);
