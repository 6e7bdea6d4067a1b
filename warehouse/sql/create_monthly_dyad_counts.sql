-- Events per calendar month and dyad (source, target), by root code and quad class.
CREATE OR REPLACE VIEW monthly_dyad_counts AS
SELECT
    CAST(date_trunc('month', event_date) AS DATE) AS month,
    source,
    target,
    root_code,
    quad_class,
    count(*) AS n_events,
    sum(num_mentions) AS n_mentions,
    sum(goldstein) AS goldstein_sum,
    avg(goldstein) AS goldstein_mean
FROM events
GROUP BY ALL;
