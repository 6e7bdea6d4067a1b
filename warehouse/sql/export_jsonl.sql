-- Write table $table to the file $path as JSON Lines: one object per row, keys in column order.
COPY (SELECT * FROM query_table($table) ORDER BY ALL)
TO $path (FORMAT json);
