-- Schema 1 → 2, second part: copy the documents, and turn the sentence-level events into
-- mentions (their event_id is the mention_id; each gets the key of its event; the dictionaries
-- that coded them are unknown). `events` is then rebuilt from the mentions.
INSERT INTO documents SELECT * FROM documents_v1;
INSERT INTO event_mentions
SELECT
    event_id, event_key(event_date, source, target, code), doc_id, sentence_index,
    sentence_text, event_date, date_source,
    source, source_text, source_country, source_role,
    target, target_text, target_country, target_role,
    code, root_code, quad_class, goldstein, url, outlet,
    trigger_text, triggers, rule_id, confidence, coder_version, NULL,
    loaded_at, run_id, loaded_at
FROM events_v1;
DROP TABLE documents_v1;
DROP TABLE events_v1;
