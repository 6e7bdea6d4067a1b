-- Read a GDELT event file $path back with the column names and types $columns.
SELECT *
FROM read_csv($path, delim = '\t', header = false, quote = '', columns = $columns);
