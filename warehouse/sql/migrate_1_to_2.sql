-- Schema 1 → 2, first part: set the schema-1 tables aside (their keys change), and record the
-- dictionary hash of runs. warehouse/migrations.py then creates the schema-2 tables and runs
-- migrate_1_to_2_rows.sql.
DROP VIEW IF EXISTS events_coded;
DROP VIEW IF EXISTS daily_dyad_counts;
DROP VIEW IF EXISTS daily_quad_counts;
ALTER TABLE documents RENAME TO documents_v1;
ALTER TABLE events RENAME TO events_v1;
ALTER TABLE runs ADD COLUMN dictionary_hash VARCHAR;
UPDATE meta SET value = '2' WHERE key = 'schema_version';
