-- QuadClass time series per country: events per day, country and quad class, counting each
-- event once for every country among its source and target.
CREATE OR REPLACE VIEW country_daily_quad AS
WITH involved AS (
    SELECT event_id, event_date, quad_class, goldstein, source_country AS country
    FROM events
    WHERE source_country IS NOT NULL
    UNION
    SELECT event_id, event_date, quad_class, goldstein, target_country AS country
    FROM events
    WHERE target_country IS NOT NULL
)
SELECT
    event_date,
    country,
    quad_class,
    count(*) AS n_events,
    sum(goldstein) AS goldstein_sum,
    avg(goldstein) AS goldstein_mean
FROM involved
GROUP BY ALL;
