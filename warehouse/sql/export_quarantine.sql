-- Write every quarantined item as Parquet under $path/year=YYYY/month=MM/, by quarantine time.
COPY (
    SELECT
        *,
        strftime(quarantined_at, '%Y') AS year,
        strftime(quarantined_at, '%m') AS month
    FROM quarantine
    ORDER BY quarantined_at, quarantine_id
) TO $path (FORMAT parquet, PARTITION_BY (year, month), RETURN_FILES true);
