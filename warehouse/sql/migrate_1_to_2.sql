-- Schema 1 → 2: the sentence-level `events` table becomes `event_mentions` (its event_id is
-- the mention_id; each row gets the key of its event; the dictionaries that coded it are
-- unknown), and runs record a dictionary hash. Run after create_event_key and
-- create_event_mentions; `events` is then created anew and aggregated from the mentions.
DROP VIEW IF EXISTS events_coded;
DROP VIEW IF EXISTS daily_dyad_counts;
DROP VIEW IF EXISTS daily_quad_counts;
INSERT INTO event_mentions
SELECT
    event_id, event_key(event_date, source, target, code), doc_id, sentence_index,
    sentence_text, event_date, date_source,
    source, source_text, source_country, source_role,
    target, target_text, target_country, target_role,
    code, root_code, quad_class, goldstein, url, outlet,
    trigger_text, triggers, rule_id, confidence, coder_version, NULL,
    loaded_at, run_id, loaded_at
FROM events;
DROP TABLE events;
ALTER TABLE runs ADD COLUMN dictionary_hash VARCHAR;
UPDATE meta SET value = '2' WHERE key = 'schema_version';
