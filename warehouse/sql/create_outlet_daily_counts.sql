-- Per day (event date) and outlet: mentions, distinct events and documents it contributed.
-- Mentions from documents with no outlet are grouped under outlet NULL.
CREATE OR REPLACE VIEW outlet_daily_counts AS
SELECT
    event_date,
    outlet,
    count(*) AS n_mentions,
    count(DISTINCT event_id) AS n_events,
    count(DISTINCT doc_id) AS n_documents
FROM event_mentions
GROUP BY ALL;
