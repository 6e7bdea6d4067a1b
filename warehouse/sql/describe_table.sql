-- Column names and DuckDB types of table $table, in table order.
SELECT column_name, data_type
FROM information_schema.columns
WHERE table_schema = 'main' AND table_name = $table
ORDER BY ordinal_position;
