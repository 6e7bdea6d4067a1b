-- Replace the organisations with the rows of seeds/actors/organizations.csv.
DELETE FROM cameo_organizations;
INSERT INTO cameo_organizations
SELECT code, "group", name, kind
FROM read_csv($path, header = true, all_varchar = true);
