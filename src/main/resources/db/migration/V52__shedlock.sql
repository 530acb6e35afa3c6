-- One row per scheduled job that must run once across nodes (ShedLock's JDBC provider).
-- lock_until and locked_at are written from the database's clock, so nodes whose clocks differ agree.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
