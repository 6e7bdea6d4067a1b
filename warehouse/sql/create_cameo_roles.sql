-- CAMEO role codes, one row per role, loaded from seeds/actors/roles.csv.
CREATE TABLE IF NOT EXISTS cameo_roles (
    role VARCHAR PRIMARY KEY,
    description VARCHAR
);
