-- Events per day and quad class.
CREATE OR REPLACE VIEW daily_quad_counts AS
SELECT
    event_date,
    quad_class,
    count(*) AS n_events,
    avg(goldstein) AS goldstein_mean
FROM events
GROUP BY event_date, quad_class;
