-- Near-duplicate copies of documents (docs/schema.md, `document_copies`): a copy is not coded;
-- its outlet counts among the sources of the canonical document's events. Schema 3.
CREATE TABLE IF NOT EXISTS document_copies (
    doc_id VARCHAR PRIMARY KEY,
    canonical_doc_id VARCHAR NOT NULL,
    pub_date DATE NOT NULL,
    outlet VARCHAR,
    url VARCHAR,
    similarity DOUBLE NOT NULL,
    origin VARCHAR NOT NULL,
    run_id VARCHAR NOT NULL,
    loaded_at TIMESTAMP NOT NULL
);
