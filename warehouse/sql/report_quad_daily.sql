-- Events per day and quad class for the report's first chart, with 0 on days without any.
WITH days AS (
    SELECT CAST(unnest(generate_series(min(event_date), max(event_date), INTERVAL 1 DAY)) AS DATE)
        AS event_date
    FROM events
    HAVING count(*) > 0
),
quads AS (
    SELECT DISTINCT quad_class FROM events
)
SELECT d.event_date, q.quad_class, coalesce(c.n_events, 0) AS n_events
FROM days AS d
CROSS JOIN quads AS q
LEFT JOIN daily_quad_counts AS c ON c.event_date = d.event_date AND c.quad_class = q.quad_class
ORDER BY d.event_date, q.quad_class;
