-- Name every event of event_mentions as touched: a full rebuild of `events`.
CREATE OR REPLACE TEMP VIEW touched_events AS
SELECT DISTINCT event_id, event_date
FROM event_mentions;
