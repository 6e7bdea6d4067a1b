-- Schema 3 → 4: `runs` records the documents a run skipped (already coded) and the seconds
-- each stage took. Rows of older runs keep NULL in the new columns.
ALTER TABLE runs ADD COLUMN IF NOT EXISTS documents_skipped INTEGER;
ALTER TABLE runs ADD COLUMN IF NOT EXISTS ingest_seconds DOUBLE;
ALTER TABLE runs ADD COLUMN IF NOT EXISTS code_seconds DOUBLE;
ALTER TABLE runs ADD COLUMN IF NOT EXISTS load_seconds DOUBLE;
UPDATE meta SET value = '4' WHERE key = 'schema_version';
