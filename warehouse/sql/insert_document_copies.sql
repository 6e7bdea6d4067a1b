-- Add the copies of `batch_copies` whose doc_id is new; a rerun adds nothing. Returns the
-- canonical doc_id of each copy added (its events' num_sources may change).
INSERT INTO document_copies (
    doc_id, canonical_doc_id, pub_date, outlet, url, similarity, origin, run_id, loaded_at
)
SELECT doc_id, canonical_doc_id, pub_date, outlet, url, similarity, origin, $run_id, $loaded_at
FROM batch_copies
QUALIFY row_number() OVER (PARTITION BY doc_id) = 1
ON CONFLICT DO NOTHING
RETURNING canonical_doc_id;
