-- Add the documents of `batch_documents` whose doc_id is new, whatever date it was stored
-- under; a rerun adds nothing. Returns the doc_id of each document added. (The check reads the
-- doc_id column once, tens of milliseconds for millions of documents; an index on doc_id
-- would cost more per load as the warehouse grows, see bench/incremental.py.)
INSERT INTO documents (
    doc_id, pub_date, title, url, outlet, text, content_hash, origin, n_chars, n_sentences,
    run_id, loaded_at
)
SELECT
    doc_id, pub_date, title, url, outlet, text, content_hash, origin, n_chars, n_sentences,
    $run_id, $loaded_at
FROM batch_documents AS b
WHERE NOT EXISTS (SELECT 1 FROM documents AS d WHERE d.doc_id = b.doc_id)
QUALIFY row_number() OVER (PARTITION BY doc_id) = 1
ON CONFLICT DO NOTHING
RETURNING doc_id;
