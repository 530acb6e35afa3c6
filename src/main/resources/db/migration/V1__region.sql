-- Administrative divisions (module region). Codes: GB/T 2260, or NBS statistical codes below county level.
CREATE TABLE region (
    code          VARCHAR(12)  NOT NULL PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    kind          VARCHAR(30)  NOT NULL,
    parent_code   VARCHAR(12)  REFERENCES region (code),
    code_standard VARCHAR(60)  NOT NULL,
    sort_order    INTEGER      NOT NULL DEFAULT 0,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX region_parent_idx ON region (parent_code);
