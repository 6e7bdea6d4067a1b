-- Write every change row as Parquet under $path/year=YYYY/month=MM/, by change time.
COPY (
    SELECT *, strftime(changed_at, '%Y') AS year, strftime(changed_at, '%m') AS month
    FROM changes
    ORDER BY changed_at, run_id, event_id
) TO $path (FORMAT parquet, PARTITION_BY (year, month), RETURN_FILES true);
