-- Delete the events of `touched_events` that have no mention left.
DELETE FROM events
WHERE
    event_date BETWEEN $first AND $last
    AND event_id IN (SELECT event_id FROM touched_events)
    AND event_id NOT IN (SELECT event_id FROM fresh_events);
