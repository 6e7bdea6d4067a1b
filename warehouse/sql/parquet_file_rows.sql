-- Rows in each of the Parquet files $files.
SELECT file_name, num_rows
FROM parquet_file_metadata($files)
ORDER BY file_name;
