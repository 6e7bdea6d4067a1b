-- The events of `touched_events` recomputed from all their mentions, into temp table
-- `fresh_events` (value columns of `events`, without run_id and updated_at). An event whose
-- mentions are all gone has no row. Every event of `touched_events` lies between $first and
-- $last (its key includes the date), so only those dates' row groups of event_mentions are read.
-- num_sources counts the distinct outlets of the mentions and of the near-duplicate copies of
-- their documents (document_copies): a wire story carried by five outlets has five sources.
CREATE OR REPLACE TEMP TABLE fresh_events AS
WITH mentions AS (
    SELECT *
    FROM event_mentions
    WHERE
        event_date BETWEEN $first AND $last
        AND event_id IN (SELECT event_id FROM touched_events)
),

outlets AS (
    SELECT event_id, outlet FROM mentions WHERE outlet IS NOT NULL
    UNION
    SELECT m.event_id, c.outlet
    FROM (SELECT DISTINCT event_id, doc_id FROM mentions) AS m
    INNER JOIN document_copies AS c ON c.canonical_doc_id = m.doc_id
    WHERE c.outlet IS NOT NULL
),

sources AS (
    SELECT event_id, CAST(count(*) AS INTEGER) AS num_sources FROM outlets GROUP BY event_id
)

SELECT
    event_id,
    first(event_date ORDER BY loaded_at, mention_id) AS event_date,
    first(source ORDER BY loaded_at, mention_id) AS source,
    first(source_text ORDER BY first_seen, mention_id) AS source_text,
    first(source_country ORDER BY loaded_at, mention_id) AS source_country,
    first(source_role ORDER BY loaded_at, mention_id) AS source_role,
    first(target ORDER BY loaded_at, mention_id) AS target,
    first(target_text ORDER BY first_seen, mention_id) AS target_text,
    first(target_country ORDER BY loaded_at, mention_id) AS target_country,
    first(target_role ORDER BY loaded_at, mention_id) AS target_role,
    first(code ORDER BY loaded_at, mention_id) AS code,
    first(root_code ORDER BY loaded_at, mention_id) AS root_code,
    first(quad_class ORDER BY loaded_at, mention_id) AS quad_class,
    first(goldstein ORDER BY loaded_at, mention_id) AS goldstein,
    CAST(count(*) AS INTEGER) AS num_mentions,
    coalesce(any_value(sources.num_sources), 0) AS num_sources,
    CAST(count(DISTINCT doc_id) AS INTEGER) AS num_documents,
    bool_or(sentence_index < 3) AS is_root_event,
    round(avg(confidence), 9) AS mean_confidence,
    max(confidence) AS max_confidence,
    first(url ORDER BY first_seen, mention_id) FILTER (WHERE url IS NOT NULL) AS source_url,
    min(first_seen) AS first_seen,
    max(first_seen) AS last_seen,
    last(coder_version ORDER BY loaded_at, mention_id) AS coder_version,
    last(dictionary_hash ORDER BY loaded_at, mention_id) AS dictionary_hash
FROM mentions
LEFT JOIN sources USING (event_id)
GROUP BY event_id;
