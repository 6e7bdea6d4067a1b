-- Whether the open database has a meta table (a new file has none).
SELECT count(*) > 0
FROM information_schema.tables
WHERE table_schema = 'main' AND table_name = 'meta';
