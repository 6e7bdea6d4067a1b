-- Add the rejects of `batch_quarantine` whose quarantine_id is new; a rerun adds nothing.
INSERT INTO quarantine (
    quarantine_id, run_id, stage, origin, doc_id, check_name, message, payload, quarantined_at
)
SELECT
    quarantine_id, $run_id, CAST(stage AS VARCHAR), origin, doc_id, check_name, message,
    payload, $loaded_at
FROM batch_quarantine
QUALIFY row_number() OVER (PARTITION BY quarantine_id) = 1
ON CONFLICT DO NOTHING;
