-- The stored documents to recode: all, or those published on or after $since (when given).
SELECT doc_id, text, pub_date, url, outlet, title, origin
FROM documents
WHERE $since IS NULL OR pub_date >= $since
ORDER BY pub_date, doc_id;
