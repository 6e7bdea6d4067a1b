-- Replace the roles with those of seeds/actors/roles.csv: one row per role (the file has one
-- per agent phrase); its description is the alphabetically first one given for that role.
DELETE FROM cameo_roles;
INSERT INTO cameo_roles
SELECT role, min(description)
FROM read_csv($path, header = true, all_varchar = true)
GROUP BY role;
