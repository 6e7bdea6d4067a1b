-- Write every event as Parquet under $path/year=YYYY/month=MM/, by event date.
COPY (
    SELECT *, strftime(event_date, '%Y') AS year, strftime(event_date, '%m') AS month
    FROM events
    ORDER BY event_date, event_id
) TO $path (FORMAT parquet, PARTITION_BY (year, month), RETURN_FILES true);
