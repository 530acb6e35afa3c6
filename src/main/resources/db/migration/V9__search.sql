-- The search module's copy of each published record open to everyone, flattened for the full-text index.
-- Kept by the publishing events: written on publication and revision, deleted on withdrawal.
CREATE TABLE search_document (
    id              BIGINT        NOT NULL PRIMARY KEY,
    index_no        VARCHAR(60)   NOT NULL,
    title           VARCHAR(500)  NOT NULL,
    summary         VARCHAR(2000) NOT NULL,
    content         VARCHAR(1000000) NOT NULL,
    keywords        VARCHAR(500)  NOT NULL,
    document_number VARCHAR(100),
    document_key    VARCHAR(100),
    org_code        VARCHAR(40)   NOT NULL,
    publisher       VARCHAR(200)  NOT NULL,
    region_code     VARCHAR(12)   NOT NULL,
    county_code     VARCHAR(12)   NOT NULL,
    domain_code     VARCHAR(40)   NOT NULL,
    item_code       VARCHAR(60)   NOT NULL,
    subject_class   VARCHAR(100)  NOT NULL,
    published_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    published_year  INTEGER       NOT NULL,
    demo            BOOLEAN       NOT NULL DEFAULT FALSE,
    CONSTRAINT search_document_index_no_uq UNIQUE (index_no)
);
