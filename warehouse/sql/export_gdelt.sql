-- Write view $table (gdelt_events) to the file $path as GDELT writes its event files: tab
-- separated, no header, no quoting, NULL as an empty field.
COPY (SELECT * FROM query_table($table) ORDER BY SQLDATE, GLOBALEVENTID)
TO $path (FORMAT csv, DELIMITER '\t', HEADER false, QUOTE '');
