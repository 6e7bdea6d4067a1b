-- Add the events of `batch_events` whose event_id is new; a rerun adds nothing.
INSERT INTO events (
    event_id, doc_id, sentence_index, sentence_text, event_date, date_source,
    source, source_text, source_country, source_role,
    target, target_text, target_country, target_role,
    code, root_code, quad_class, goldstein, url, outlet,
    trigger_text, triggers, rule_id, confidence, coder_version, run_id, loaded_at
)
SELECT
    event_id, doc_id, sentence_index, sentence_text, event_date, CAST(date_source AS VARCHAR),
    source, source_text, source_country, source_role,
    target, target_text, target_country, target_role,
    code, root_code, quad_class, goldstein, url, outlet,
    trigger_text, triggers, rule_id, confidence, coder_version, $run_id, $loaded_at
FROM batch_events
WHERE event_id NOT IN (SELECT event_id FROM events)
QUALIFY row_number() OVER (PARTITION BY event_id) = 1;
