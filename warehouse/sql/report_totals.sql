-- The report's headline figures: events, mentions, documents and the date range.
SELECT
    (SELECT count(*) FROM events) AS events,
    (SELECT count(*) FROM event_mentions) AS mentions,
    (SELECT count(*) FROM documents) AS documents,
    (SELECT min(event_date) FROM events) AS first_date,
    (SELECT max(event_date) FROM events) AS last_date;
