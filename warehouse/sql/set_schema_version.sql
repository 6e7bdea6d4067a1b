-- Mark a new warehouse with the schema version this dyad writes; an existing mark stays.
INSERT INTO meta (key, value)
VALUES ('schema_version', CAST($version AS VARCHAR))
ON CONFLICT (key) DO NOTHING;
