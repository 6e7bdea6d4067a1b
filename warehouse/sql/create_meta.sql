-- Facts about the warehouse file itself; `schema_version` tells dyad which layout it holds.
CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);
