-- Issue 13: the assessment. The city office sets each year's indicators and weights (data, audited); a published
-- assessment is kept as published, so later records do not change figures the public has read.
CREATE TABLE assessment_indicator (
    assessed_year INT     NOT NULL,
    grp      VARCHAR(20)  NOT NULL,
    code     VARCHAR(20)  NOT NULL,
    name     VARCHAR(100) NOT NULL,
    weight   NUMERIC(5, 2) NOT NULL,
    sort_order INT        NOT NULL,
    PRIMARY KEY (assessed_year, grp, code)
);

CREATE TABLE assessment_publication (
    assessed_year INT         NOT NULL,
    grp          VARCHAR(20)  NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by VARCHAR(100) NOT NULL,
    result_json  VARCHAR(10000000) NOT NULL,
    PRIMARY KEY (assessed_year, grp)
);
