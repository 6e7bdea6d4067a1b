-- Every actor code with how often it is the source and the target of an event, most active
-- first.
CREATE OR REPLACE VIEW top_actors AS
WITH roles AS (
    SELECT source AS actor, 1 AS as_source, 0 AS as_target, num_mentions, event_date
    FROM events
    UNION ALL
    SELECT target, 0, 1, num_mentions, event_date
    FROM events
    WHERE target <> ''
)
SELECT
    actor,
    count(*) AS n_events,
    sum(as_source) AS n_as_source,
    sum(as_target) AS n_as_target,
    sum(num_mentions) AS n_mentions,
    min(event_date) AS first_date,
    max(event_date) AS last_date
FROM roles
GROUP BY actor
ORDER BY n_events DESC, actor;
