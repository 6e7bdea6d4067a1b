-- Read a Phoenix CSV $path back with the column names and types $columns.
SELECT *
FROM read_csv($path, header = true, columns = $columns);
