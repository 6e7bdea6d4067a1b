-- Replace the country codes with the rows of seeds/actors/countries.csv.
DELETE FROM cameo_countries;
INSERT INTO cameo_countries
SELECT code, name
FROM read_csv($path, header = true, all_varchar = true);
