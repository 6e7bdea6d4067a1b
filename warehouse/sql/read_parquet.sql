-- Read Parquet files $path back (the year and month partition folders are not columns).
SELECT *
FROM read_parquet($path, hive_partitioning = false);
