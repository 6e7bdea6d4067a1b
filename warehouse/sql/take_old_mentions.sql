-- Move the mentions of the documents in `recoded_documents` aside into temp table
-- `old_mentions` (key, event and first sighting), deleting them from event_mentions.
CREATE OR REPLACE TEMP TABLE old_mentions AS
SELECT mention_id, event_id, event_date, first_seen
FROM event_mentions
WHERE doc_id IN (SELECT doc_id FROM recoded_documents);
DELETE FROM event_mentions
WHERE doc_id IN (SELECT doc_id FROM recoded_documents);
