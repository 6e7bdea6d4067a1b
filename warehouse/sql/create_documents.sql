-- One row per ingested news document (docs/schema.md, `documents`).
CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY,
    pub_date DATE NOT NULL,
    title VARCHAR,
    url VARCHAR,
    outlet VARCHAR,
    text VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,
    origin VARCHAR NOT NULL,
    n_chars INTEGER NOT NULL,
    n_sentences INTEGER NOT NULL,
    run_id VARCHAR NOT NULL,
    loaded_at TIMESTAMP NOT NULL
);
