-- The warehouse's schema version, or no row when the file has no meta table yet.
SELECT CAST(value AS INTEGER) AS schema_version
FROM meta
WHERE key = 'schema_version';
