-- One row per distinct event (event_date, source, target, code), aggregated from its mentions
-- (docs/schema.md, `events`). Kept up to date incrementally by warehouse.aggregate. The key
-- leads with the date (event_id already hashes it) for the reason given in
-- create_event_mentions.sql.
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR NOT NULL,
    event_date DATE NOT NULL,
    source VARCHAR NOT NULL,
    source_text VARCHAR NOT NULL,
    source_country VARCHAR,
    source_role VARCHAR,
    target VARCHAR NOT NULL,
    target_text VARCHAR NOT NULL,
    target_country VARCHAR,
    target_role VARCHAR,
    code VARCHAR NOT NULL,
    root_code VARCHAR NOT NULL,
    quad_class TINYINT NOT NULL CHECK (quad_class BETWEEN 1 AND 4),
    goldstein DOUBLE NOT NULL,
    num_mentions INTEGER NOT NULL,
    num_sources INTEGER NOT NULL,
    num_documents INTEGER NOT NULL,
    is_root_event BOOLEAN NOT NULL,
    mean_confidence DOUBLE NOT NULL,
    max_confidence DOUBLE NOT NULL,
    source_url VARCHAR,
    first_seen TIMESTAMP NOT NULL,
    last_seen TIMESTAMP NOT NULL,
    coder_version VARCHAR NOT NULL,
    dictionary_hash VARCHAR,
    run_id VARCHAR NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (event_date, event_id)
);
