-- Write view $table (phoenix_events) to the file $path as CSV with a header row; NULL is an
-- empty field.
COPY (SELECT * FROM query_table($table) ORDER BY "Date", EventID)
TO $path (FORMAT csv, HEADER true);
