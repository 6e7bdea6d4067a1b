-- The date range and number of the events in `touched_events`.
SELECT min(event_date), max(event_date), count(*)
FROM touched_events;
