-- The (doc_id, content_hash) of each stored document a run with this coder version and these
-- dictionaries loaded: coding them again would give the same rows, so the pipeline skips them.
SELECT d.doc_id, d.content_hash
FROM documents AS d
JOIN runs AS r USING (run_id)
WHERE r.coder_version = $coder_version AND r.dictionary_hash = $dictionary_hash;
