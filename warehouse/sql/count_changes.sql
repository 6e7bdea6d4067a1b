-- Changes written by run $run_id, by kind.
SELECT change, count(*)
FROM changes
WHERE run_id = $run_id
GROUP BY change;
