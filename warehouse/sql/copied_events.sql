-- The events (event_id, event_date) of the documents in `copied_documents` (doc_id): a new
-- copy of one of them adds its outlet to their sources. Reads event_mentions' doc_id column.
SELECT DISTINCT event_id, event_date
FROM event_mentions
WHERE doc_id IN (SELECT doc_id FROM copied_documents);
