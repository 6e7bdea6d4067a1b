-- Replace the codebook with the rows of seeds/cameo/event_codes.csv.
DELETE FROM cameo_event_codes;
INSERT INTO cameo_event_codes
SELECT
    code,
    root_code,
    CAST(level AS TINYINT),
    name,
    CAST(goldstein AS DOUBLE),
    goldstein_source,
    CAST(NULLIF(goldstein_icews, '') AS DOUBLE),
    CAST(quad_class AS TINYINT)
FROM read_csv($path, header = true, all_varchar = true);
