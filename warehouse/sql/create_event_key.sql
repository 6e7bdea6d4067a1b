-- The key of an event: the first 20 hex digits of SHA-256 of its date, source, target and code.
-- Mentions with the same key are one event (docs/schema.md, "From mentions to events").
CREATE OR REPLACE MACRO event_key(event_date, source, target, code) AS
    left(sha256(concat_ws('|', CAST(event_date AS VARCHAR), source, target, code)), 20);
