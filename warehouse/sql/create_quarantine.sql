-- Everything rejected, with the reason (docs/schema.md, `quarantine`).
CREATE TABLE IF NOT EXISTS quarantine (
    quarantine_id VARCHAR PRIMARY KEY,
    run_id VARCHAR NOT NULL,
    stage VARCHAR NOT NULL CHECK (stage IN ('ingest', 'code', 'validate')),
    origin VARCHAR NOT NULL,
    doc_id VARCHAR,
    check_name VARCHAR NOT NULL,
    message VARCHAR NOT NULL,
    payload VARCHAR NOT NULL,
    quarantined_at TIMESTAMP NOT NULL
);
