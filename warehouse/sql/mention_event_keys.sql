-- Every distinct event key in event_mentions, with its date.
SELECT DISTINCT event_id, event_date
FROM event_mentions;
