-- The events the moved-aside mentions belonged to, with their dates.
SELECT DISTINCT event_id, event_date
FROM old_mentions;
