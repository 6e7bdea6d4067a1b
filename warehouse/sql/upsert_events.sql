-- Insert the new events of `fresh_events` and update those whose values changed; an event
-- recomputed to the same values keeps its run_id and updated_at. Returns the rows written.
INSERT INTO events
SELECT *, $run_id AS run_id, $updated_at AS updated_at
FROM fresh_events
ON CONFLICT (event_date, event_id) DO UPDATE SET
    source_text = EXCLUDED.source_text,
    source_country = EXCLUDED.source_country,
    source_role = EXCLUDED.source_role,
    target_text = EXCLUDED.target_text,
    target_country = EXCLUDED.target_country,
    target_role = EXCLUDED.target_role,
    root_code = EXCLUDED.root_code,
    quad_class = EXCLUDED.quad_class,
    goldstein = EXCLUDED.goldstein,
    num_mentions = EXCLUDED.num_mentions,
    num_sources = EXCLUDED.num_sources,
    num_documents = EXCLUDED.num_documents,
    is_root_event = EXCLUDED.is_root_event,
    mean_confidence = EXCLUDED.mean_confidence,
    max_confidence = EXCLUDED.max_confidence,
    source_url = EXCLUDED.source_url,
    first_seen = EXCLUDED.first_seen,
    last_seen = EXCLUDED.last_seen,
    coder_version = EXCLUDED.coder_version,
    dictionary_hash = EXCLUDED.dictionary_hash,
    run_id = EXCLUDED.run_id,
    updated_at = EXCLUDED.updated_at
WHERE
    (
        events.source_text, events.source_country, events.source_role, events.target_text,
        events.target_country, events.target_role, events.root_code, events.quad_class,
        events.goldstein, events.num_mentions, events.num_sources, events.num_documents,
        events.is_root_event, events.mean_confidence, events.max_confidence, events.source_url,
        events.first_seen, events.last_seen, events.coder_version, events.dictionary_hash
    ) IS DISTINCT FROM (
        EXCLUDED.source_text, EXCLUDED.source_country, EXCLUDED.source_role,
        EXCLUDED.target_text, EXCLUDED.target_country, EXCLUDED.target_role,
        EXCLUDED.root_code, EXCLUDED.quad_class, EXCLUDED.goldstein, EXCLUDED.num_mentions,
        EXCLUDED.num_sources, EXCLUDED.num_documents, EXCLUDED.is_root_event,
        EXCLUDED.mean_confidence, EXCLUDED.max_confidence, EXCLUDED.source_url,
        EXCLUDED.first_seen, EXCLUDED.last_seen, EXCLUDED.coder_version,
        EXCLUDED.dictionary_hash
    );
