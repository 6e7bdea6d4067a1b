-- What `dyad recode` changed in `events`: one row per event added, deleted or updated
-- (docs/schema.md, `changes`), with the row before and after as JSON.
CREATE TABLE IF NOT EXISTS changes (
    run_id VARCHAR NOT NULL,
    changed_at TIMESTAMP NOT NULL,
    event_id VARCHAR NOT NULL,
    change VARCHAR NOT NULL CHECK (change IN ('added', 'deleted', 'updated')),
    old_values JSON,
    new_values JSON,
    PRIMARY KEY (run_id, event_id)
);
