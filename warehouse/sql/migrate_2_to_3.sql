-- Schema 2 → 3: near-duplicate copies of documents get their table (create_document_copies.sql,
-- run by warehouse/migrations.py after this). No copy was stored before, so no event changes.
UPDATE meta SET value = '3' WHERE key = 'schema_version';
