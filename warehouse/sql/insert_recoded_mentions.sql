-- Add the re-derived mentions of `batch_events`; a mention that existed before keeps its
-- first_seen. Returns the event of each mention written.
INSERT INTO event_mentions (
    mention_id, event_id, doc_id, sentence_index, sentence_text, event_date, date_source,
    source, source_text, source_country, source_role,
    target, target_text, target_country, target_role,
    code, root_code, quad_class, goldstein, url, outlet,
    trigger_text, triggers, rule_id, confidence, coder_version, dictionary_hash,
    first_seen, run_id, loaded_at
)
SELECT
    b.event_id, event_key(b.event_date, b.source, b.target, b.code), b.doc_id,
    b.sentence_index, b.sentence_text, b.event_date, CAST(b.date_source AS VARCHAR),
    b.source, b.source_text, b.source_country, b.source_role,
    b.target, b.target_text, b.target_country, b.target_role,
    b.code, b.root_code, b.quad_class, b.goldstein, b.url, b.outlet,
    b.trigger_text, b.triggers, b.rule_id, b.confidence, b.coder_version, $dictionary_hash,
    coalesce(o.first_seen, $loaded_at), $run_id, $loaded_at
FROM batch_events AS b
LEFT JOIN old_mentions AS o ON o.mention_id = b.event_id
QUALIFY row_number() OVER (PARTITION BY b.event_id) = 1
ON CONFLICT DO NOTHING
RETURNING event_id, event_date;
