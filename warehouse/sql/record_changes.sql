-- Write a `changes` row for each event of `touched_events` that `fresh_events` adds, deletes
-- or alters. Old and new values are the rows as JSON (without run_id and updated_at); an event
-- whose only difference is the coder version or dictionary hash that re-derived it is not a
-- change.
INSERT INTO changes (run_id, changed_at, event_id, change, old_values, new_values)
WITH old AS (
    SELECT * EXCLUDE (run_id, updated_at)
    FROM events
    WHERE
        event_date BETWEEN $first AND $last
        AND event_id IN (SELECT event_id FROM touched_events)
),
old_core AS (SELECT * EXCLUDE (coder_version, dictionary_hash) FROM old),
new_core AS (SELECT * EXCLUDE (coder_version, dictionary_hash) FROM fresh_events),
paired AS (
    SELECT
        coalesce(n.event_id, o.event_id) AS event_id,
        CASE WHEN o.event_id IS NULL THEN NULL ELSE to_json(o) END AS old_values,
        CASE WHEN n.event_id IS NULL THEN NULL ELSE to_json(n) END AS new_values,
        CASE WHEN oc.event_id IS NULL THEN NULL ELSE to_json(oc) END AS old_core,
        CASE WHEN nc.event_id IS NULL THEN NULL ELSE to_json(nc) END AS new_core
    FROM old AS o
    FULL OUTER JOIN fresh_events AS n ON n.event_id = o.event_id
    LEFT JOIN old_core AS oc ON oc.event_id = o.event_id
    LEFT JOIN new_core AS nc ON nc.event_id = n.event_id
)
SELECT
    $run_id,
    $changed_at,
    event_id,
    CASE
        WHEN old_values IS NULL THEN 'added'
        WHEN new_values IS NULL THEN 'deleted'
        ELSE 'updated'
    END,
    old_values,
    new_values
FROM paired
WHERE old_core IS DISTINCT FROM new_core;
