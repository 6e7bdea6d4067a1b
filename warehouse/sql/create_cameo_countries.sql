-- Country codes, loaded from seeds/actors/countries.csv.
CREATE TABLE IF NOT EXISTS cameo_countries (
    code VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL
);
