-- The CAMEO event codebook, loaded from seeds/cameo/event_codes.csv.
CREATE TABLE IF NOT EXISTS cameo_event_codes (
    code VARCHAR PRIMARY KEY,
    root_code VARCHAR NOT NULL,
    level TINYINT NOT NULL,
    name VARCHAR NOT NULL,
    goldstein DOUBLE NOT NULL,
    goldstein_source VARCHAR NOT NULL,
    goldstein_icews DOUBLE,
    quad_class TINYINT NOT NULL
);
