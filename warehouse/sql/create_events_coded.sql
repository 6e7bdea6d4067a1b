-- Events with the names of their code and root code.
CREATE OR REPLACE VIEW events_coded AS
SELECT
    e.*,
    c.name AS event_name,
    r.name AS root_name
FROM events AS e
LEFT JOIN cameo_event_codes AS c ON c.code = e.code
LEFT JOIN cameo_event_codes AS r ON r.code = e.root_code;
