-- Add the documents of `batch_documents` whose doc_id is new; a rerun adds nothing.
INSERT INTO documents (
    doc_id, pub_date, title, url, outlet, text, content_hash, origin, n_chars, n_sentences,
    run_id, loaded_at
)
SELECT
    doc_id, pub_date, title, url, outlet, text, content_hash, origin, n_chars, n_sentences,
    $run_id, $loaded_at
FROM batch_documents
QUALIFY row_number() OVER (PARTITION BY doc_id) = 1
ON CONFLICT DO NOTHING;
