-- One row per pipeline run; `running` until the run records how it ended.
CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR PRIMARY KEY,
    started_at TIMESTAMP,
    finished_at TIMESTAMP,
    status VARCHAR CHECK (status IN ('running', 'completed', 'failed')),
    inputs VARCHAR,
    coder_version VARCHAR,
    documents_in INTEGER,
    documents_loaded INTEGER,
    sentences INTEGER,
    events_coded INTEGER,
    events_loaded INTEGER,
    quarantined INTEGER,
    seconds DOUBLE,
    dictionary_hash VARCHAR,
    documents_skipped INTEGER,
    ingest_seconds DOUBLE,
    code_seconds DOUBLE,
    load_seconds DOUBLE
);
