-- Every mention with its evidence and the names of its code and root code.
CREATE OR REPLACE VIEW events_coded AS
SELECT
    m.*,
    c.name AS event_name,
    r.name AS root_name
FROM event_mentions AS m
LEFT JOIN cameo_event_codes AS c ON c.code = m.code
LEFT JOIN cameo_event_codes AS r ON r.code = m.root_code;
