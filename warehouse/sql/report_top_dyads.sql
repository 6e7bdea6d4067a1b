-- The $dyads (source, target) pairs with most events, with their mean Goldstein score.
SELECT
    source,
    target,
    count(*) AS n_events,
    sum(num_mentions) AS n_mentions,
    avg(goldstein) AS goldstein_mean
FROM events
WHERE target <> ''
GROUP BY source, target
ORDER BY n_events DESC, n_mentions DESC, source, target
LIMIT $dyads;
