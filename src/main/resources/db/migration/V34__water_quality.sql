-- Surface-water monitoring sections and their samples, drinking-water sources and their monthly samples, and the
-- claims of the drafted quarterly / monthly records. One reading row per item measured: a sample carries any subset
-- of the 23 surface items, a drinking-water sample up to the 61 items of the monthly programme.
CREATE TABLE water_section (
    code         VARCHAR(40)  NOT NULL PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    region_code  VARCHAR(20)  NOT NULL,
    water_body   VARCHAR(10)  NOT NULL,
    created_by   VARCHAR(100) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE water_sample (
    section_code VARCHAR(40)  NOT NULL REFERENCES water_section (code),
    sampled_on   DATE         NOT NULL,
    uploaded_by  VARCHAR(100) NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (section_code, sampled_on)
);

CREATE TABLE water_reading (
    section_code  VARCHAR(40)    NOT NULL,
    sampled_on    DATE           NOT NULL,
    item          VARCHAR(20)    NOT NULL,
    reading_value DECIMAL(24, 8) NOT NULL,
    not_detected  BOOLEAN        NOT NULL,
    PRIMARY KEY (section_code, sampled_on, item),
    FOREIGN KEY (section_code, sampled_on) REFERENCES water_sample (section_code, sampled_on) ON DELETE CASCADE
);

CREATE INDEX water_sample_day ON water_sample (sampled_on);

CREATE TABLE drinking_source (
    code         VARCHAR(40)  NOT NULL PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    region_code  VARCHAR(20)  NOT NULL,
    kind         VARCHAR(12)  NOT NULL,
    created_by   VARCHAR(100) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- volume: 取水量 of the sample's month, 万吨.
CREATE TABLE drinking_sample (
    source_code  VARCHAR(40)    NOT NULL REFERENCES drinking_source (code),
    sampled_on   DATE           NOT NULL,
    volume       DECIMAL(14, 4) NOT NULL,
    uploaded_by  VARCHAR(100)   NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (source_code, sampled_on)
);

CREATE TABLE drinking_reading (
    source_code   VARCHAR(40)    NOT NULL,
    sampled_on    DATE           NOT NULL,
    item          VARCHAR(20)    NOT NULL,
    reading_value DECIMAL(24, 8) NOT NULL,
    not_detected  BOOLEAN        NOT NULL,
    PRIMARY KEY (source_code, sampled_on, item),
    FOREIGN KEY (source_code, sampled_on) REFERENCES drinking_sample (source_code, sampled_on) ON DELETE CASCADE
);

CREATE INDEX drinking_sample_day ON drinking_sample (sampled_on);

-- The quarter's surface-water record (kind 'surface', period 2026-Q3) and the month's drinking-water record (kind
-- 'drinking', period 2026-10), claimed before the record is written so that each is drafted once.
CREATE TABLE water_draft (
    kind        VARCHAR(10) NOT NULL,
    period      VARCHAR(7)  NOT NULL,
    record_ref  VARCHAR(80),
    drafted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (kind, period)
);
