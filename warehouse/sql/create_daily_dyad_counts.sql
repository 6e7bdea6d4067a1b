-- Events per day and dyad (source, target), by root code and quad class.
CREATE OR REPLACE VIEW daily_dyad_counts AS
SELECT
    event_date,
    source,
    target,
    root_code,
    quad_class,
    count(*) AS n_events,
    sum(num_mentions) AS n_mentions,
    sum(goldstein) AS goldstein_sum,
    avg(goldstein) AS goldstein_mean
FROM events
GROUP BY event_date, source, target, root_code, quad_class;
