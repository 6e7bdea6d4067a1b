-- International and transnational actors, loaded from seeds/actors/organizations.csv. One row
-- per named organisation: several share one CAMEO code (the UN's organs are all IGOUNO), so
-- `code` is not a key.
CREATE TABLE IF NOT EXISTS cameo_organizations (
    code VARCHAR NOT NULL,
    "group" VARCHAR,
    name VARCHAR NOT NULL,
    kind VARCHAR
);
