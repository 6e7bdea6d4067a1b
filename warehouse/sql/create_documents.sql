-- One row per ingested news document (docs/schema.md, `documents`). doc_id is unique: the
-- insert checks it (insert_documents.sql); the key leads with the date for the reason given in
-- create_event_mentions.sql.
CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR NOT NULL,
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
    loaded_at TIMESTAMP NOT NULL,
    PRIMARY KEY (pub_date, doc_id)
);
