-- Mean Goldstein score per day for the $countries countries involved in most events.
WITH top AS (
    SELECT country
    FROM country_daily_quad
    GROUP BY country
    ORDER BY sum(n_events) DESC, country
    LIMIT $countries
)
SELECT event_date, country, sum(goldstein_sum) / sum(n_events) AS goldstein_mean
FROM country_daily_quad
WHERE country IN (SELECT country FROM top)
GROUP BY event_date, country
ORDER BY country, event_date;
