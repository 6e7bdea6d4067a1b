-- Write every mention as Parquet under $path/year=YYYY/month=MM/, by event date.
COPY (
    SELECT *, strftime(event_date, '%Y') AS year, strftime(event_date, '%m') AS month
    FROM event_mentions
    ORDER BY event_date, mention_id
) TO $path (FORMAT parquet, PARTITION_BY (year, month), RETURN_FILES true);
