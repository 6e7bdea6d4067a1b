-- Insert a run, or update it: a NULL parameter keeps the value already stored.
INSERT INTO runs (
    run_id, started_at, finished_at, status, inputs, coder_version, dictionary_hash,
    documents_in,
    documents_loaded, sentences, events_coded, events_loaded, quarantined, seconds,
    documents_skipped, ingest_seconds, code_seconds, load_seconds
)
VALUES (
    $run_id, $started_at, $finished_at, $status, $inputs, $coder_version, $dictionary_hash,
    $documents_in,
    $documents_loaded, $sentences, $events_coded, $events_loaded, $quarantined, $seconds,
    $documents_skipped, $ingest_seconds, $code_seconds, $load_seconds
)
ON CONFLICT (run_id) DO UPDATE SET
    started_at = coalesce(EXCLUDED.started_at, runs.started_at),
    finished_at = coalesce(EXCLUDED.finished_at, runs.finished_at),
    status = coalesce(EXCLUDED.status, runs.status),
    inputs = coalesce(EXCLUDED.inputs, runs.inputs),
    coder_version = coalesce(EXCLUDED.coder_version, runs.coder_version),
    dictionary_hash = coalesce(EXCLUDED.dictionary_hash, runs.dictionary_hash),
    documents_in = coalesce(EXCLUDED.documents_in, runs.documents_in),
    documents_loaded = coalesce(EXCLUDED.documents_loaded, runs.documents_loaded),
    sentences = coalesce(EXCLUDED.sentences, runs.sentences),
    events_coded = coalesce(EXCLUDED.events_coded, runs.events_coded),
    events_loaded = coalesce(EXCLUDED.events_loaded, runs.events_loaded),
    quarantined = coalesce(EXCLUDED.quarantined, runs.quarantined),
    seconds = coalesce(EXCLUDED.seconds, runs.seconds),
    documents_skipped = coalesce(EXCLUDED.documents_skipped, runs.documents_skipped),
    ingest_seconds = coalesce(EXCLUDED.ingest_seconds, runs.ingest_seconds),
    code_seconds = coalesce(EXCLUDED.code_seconds, runs.code_seconds),
    load_seconds = coalesce(EXCLUDED.load_seconds, runs.load_seconds);
