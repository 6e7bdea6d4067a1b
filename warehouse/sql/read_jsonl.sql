-- Read a JSON Lines file $path back with the column names and types $columns.
SELECT *
FROM read_json($path, format = 'newline_delimited', columns = $columns);
