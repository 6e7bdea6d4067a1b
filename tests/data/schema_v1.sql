-- A schema-version-1 warehouse as dyad 0.1 (schema 1) created it, with a few rows: the
-- fixture tests/test_migrations.py migrates. The DDL is a verbatim copy of warehouse/sql/ at
-- schema 1; do not update it.
-- Facts about the warehouse file itself; `schema_version` tells dyad which layout it holds.
CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);
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
-- One row per coded event (docs/schema.md, `events`).
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    sentence_text VARCHAR NOT NULL,
    event_date DATE NOT NULL,
    date_source VARCHAR NOT NULL CHECK (date_source IN ('publication', 'sentence')),
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
    url VARCHAR,
    outlet VARCHAR,
    trigger_text VARCHAR NOT NULL,
    triggers STRUCT(word VARCHAR, char_start INTEGER, char_end INTEGER)[] NOT NULL,
    rule_id VARCHAR NOT NULL,
    confidence DOUBLE NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    coder_version VARCHAR NOT NULL,
    run_id VARCHAR NOT NULL,
    loaded_at TIMESTAMP NOT NULL
);
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
    seconds DOUBLE
);
-- The CAMEO event codebook, loaded from seeds/cameo/event_codes.csv.
CREATE TABLE IF NOT EXISTS cameo_event_codes (
    code VARCHAR PRIMARY KEY,
    root_code VARCHAR NOT NULL,
    level TINYINT NOT NULL,
    name VARCHAR NOT NULL,
    goldstein DOUBLE NOT NULL,
    goldstein_source VARCHAR NOT NULL,
    goldstein_icews DOUBLE,
    quad_class TINYINT NOT NULL
);
-- Events with the names of their code and root code.
CREATE OR REPLACE VIEW events_coded AS
SELECT
    e.*,
    c.name AS event_name,
    r.name AS root_name
FROM events AS e
LEFT JOIN cameo_event_codes AS c ON c.code = e.code
LEFT JOIN cameo_event_codes AS r ON r.code = e.root_code;
-- Events per day and dyad (source, target), by root code and quad class.
CREATE OR REPLACE VIEW daily_dyad_counts AS
SELECT
    event_date,
    source,
    target,
    root_code,
    quad_class,
    count(*) AS n_events,
    sum(goldstein) AS goldstein_sum,
    avg(goldstein) AS goldstein_mean
FROM events
GROUP BY event_date, source, target, root_code, quad_class;
-- Events per day and quad class.
CREATE OR REPLACE VIEW daily_quad_counts AS
SELECT
    event_date,
    quad_class,
    count(*) AS n_events,
    avg(goldstein) AS goldstein_mean
FROM events
GROUP BY event_date, quad_class;
INSERT INTO meta VALUES ('schema_version', '1');
INSERT INTO documents VALUES
    ('d1', DATE '2024-03-01', 'Shelling', 'https://example.org/d1', 'Wire A',
     'Russian forces shelled Kharkiv. Russian forces shelled Kharkiv again.', 'h1', 'a.jsonl:1',
     68, 2, 'r1', TIMESTAMP '2024-03-01 10:00:00'),
    ('d2', DATE '2024-03-01', NULL, NULL, 'Wire B',
     'Russian forces shelled Kharkiv.', 'h2', 'a.jsonl:2', 31, 1, 'r1',
     TIMESTAMP '2024-03-01 10:00:00');
INSERT INTO events VALUES
    ('m1', 'd1', 0, 'Russian forces shelled Kharkiv.', DATE '2024-03-01', 'publication',
     'RUSMIL', 'Russian forces', 'RUS', 'MIL', 'UKR', 'Kharkiv', 'UKR', NULL, '195', '19', 4,
     -10.0, 'https://example.org/d1', 'Wire A', 'shelled',
     [{'word': 'shelled', 'char_start': 15, 'char_end': 22}], '195-shell', 0.9, '0.1.0', 'r1',
     TIMESTAMP '2024-03-01 10:00:00'),
    ('m2', 'd1', 1, 'Russian forces shelled Kharkiv again.', DATE '2024-03-01', 'publication',
     'RUSMIL', 'Russian forces', 'RUS', 'MIL', 'UKR', 'Kharkiv', 'UKR', NULL, '195', '19', 4,
     -10.0, 'https://example.org/d1', 'Wire A', 'shelled',
     [{'word': 'shelled', 'char_start': 47, 'char_end': 54}], '195-shell', 0.7, '0.1.0', 'r1',
     TIMESTAMP '2024-03-01 10:00:00'),
    ('m3', 'd2', 0, 'Russian forces shelled Kharkiv.', DATE '2024-03-01', 'publication',
     'RUSMIL', 'Russian forces', 'RUS', 'MIL', 'UKR', 'Kharkiv', 'UKR', NULL, '195', '19', 4,
     -10.0, NULL, 'Wire B', 'shelled',
     [{'word': 'shelled', 'char_start': 15, 'char_end': 22}], '195-shell', 0.9, '0.1.0', 'r1',
     TIMESTAMP '2024-03-01 10:00:00'),
    ('m4', 'd2', 0, 'Russian forces shelled Kharkiv.', DATE '2024-03-01', 'publication',
     'UKR', 'Kharkiv', 'UKR', NULL, '', '', NULL, NULL, '0874', '08', 2,
     10.0, NULL, 'Wire B', 'retreated',
     [{'word': 'retreated', 'char_start': 0, 'char_end': 5}], '0874-x', 0.5, '0.1.0', 'r1',
     TIMESTAMP '2024-03-01 10:00:00');
INSERT INTO runs VALUES
    ('r1', TIMESTAMP '2024-03-01 09:59:00', TIMESTAMP '2024-03-01 10:00:00', 'completed',
     '["a.jsonl"]', '0.1.0', 2, 2, 3, 4, 4, 0, 1.5);
