-- Hibernate Search's outbox-polling coordination (README "Search on several nodes"): the tables in which every
-- node writes its indexing events and registers itself, so that each change reaches the shared search index once.
-- Unused unless spring.jpa.properties.hibernate.search.coordination.strategy=outbox-polling, which is meant for
-- PostgreSQL (the embedded H2 database serves one machine); the types are PostgreSQL's, which H2 accepts in its
-- PostgreSQL mode. The columns are those Hibernate Search 8.2 maps (checked at start by schema validation).
CREATE TABLE hsearch_agent (
    id                   UUID         NOT NULL PRIMARY KEY,
    name                 VARCHAR(255) NOT NULL,
    tenant_id            VARCHAR(255),
    type                 VARCHAR(255) NOT NULL CHECK (type IN ('EVENT_PROCESSING_DYNAMIC_SHARDING',
                                                               'EVENT_PROCESSING_STATIC_SHARDING', 'MASS_INDEXING')),
    state                VARCHAR(255) NOT NULL CHECK (state IN ('RUNNING', 'WAITING', 'SUSPENDED')),
    expiration           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    assigned_shard_index INTEGER,
    total_shard_count    INTEGER,
    payload              BYTEA
);

CREATE TABLE hsearch_outbox_event (
    id             UUID         NOT NULL PRIMARY KEY,
    entity_name    VARCHAR(256) NOT NULL,
    entity_id      VARCHAR(256) NOT NULL,
    entity_id_hash INTEGER      NOT NULL,
    tenant_id      VARCHAR(255),
    payload        BYTEA        NOT NULL,
    retries        INTEGER      NOT NULL,
    process_after  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    status         VARCHAR(255) NOT NULL CHECK (status IN ('PENDING', 'ABORTED'))
);
CREATE INDEX hsearch_outbox_event_process_after_idx ON hsearch_outbox_event (process_after);
