-- Add the mentions of `batch_events` whose key is new, keyed to their event, except those of
-- documents that were stored before this batch (`added_documents` holds the batch's new
-- ones): a stored document's mentions change only by `dyad recode`. A rerun adds nothing.
-- Returns the event of each added mention (the events to re-aggregate).
INSERT INTO event_mentions (
    mention_id, event_id, doc_id, sentence_index, sentence_text, event_date, date_source,
    source, source_text, source_country, source_role,
    target, target_text, target_country, target_role,
    code, root_code, quad_class, goldstein, url, outlet,
    trigger_text, triggers, rule_id, confidence, coder_version, dictionary_hash,
    first_seen, run_id, loaded_at
)
SELECT
    event_id, event_key(event_date, source, target, code), doc_id, sentence_index,
    sentence_text, event_date, CAST(date_source AS VARCHAR),
    source, source_text, source_country, source_role,
    target, target_text, target_country, target_role,
    code, root_code, quad_class, goldstein, url, outlet,
    trigger_text, triggers, rule_id, confidence, coder_version, $dictionary_hash,
    $loaded_at, $run_id, $loaded_at
FROM batch_events
WHERE
    doc_id IN (SELECT doc_id FROM added_documents)
    OR doc_id NOT IN (SELECT doc_id FROM batch_documents)
QUALIFY row_number() OVER (PARTITION BY event_id) = 1
ON CONFLICT DO NOTHING
RETURNING event_id, event_date;
