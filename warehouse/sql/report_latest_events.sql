-- The $latest most recent events, each with the evidence sentence of its first mention.
WITH latest AS (
    SELECT *
    FROM events
    ORDER BY event_date DESC, num_mentions DESC, event_id
    LIMIT $latest
),
evidence AS (
    SELECT
        event_id,
        first(sentence_text ORDER BY first_seen, mention_id) AS sentence_text,
        first(trigger_text ORDER BY first_seen, mention_id) AS trigger_text
    FROM event_mentions
    WHERE event_id IN (SELECT event_id FROM latest)
    GROUP BY event_id
)
SELECT
    l.event_date,
    l.source,
    l.code,
    c.name AS event_name,
    l.target,
    l.quad_class,
    l.num_mentions,
    l.num_documents,
    l.source_url,
    v.sentence_text,
    v.trigger_text
FROM latest AS l
JOIN evidence AS v ON v.event_id = l.event_id
LEFT JOIN cameo_event_codes AS c ON c.code = l.code
ORDER BY l.event_date DESC, l.num_mentions DESC, l.event_id;
