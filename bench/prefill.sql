-- Fill an empty warehouse with $rows synthetic mentions ($per_day a day from 2000-01-01, four
-- per document, dates in load order as a daily pipeline writes them, keys random hex as dyad's
-- are), their documents, and
-- the events they aggregate to. For bench/incremental.py, which runs it statement by statement.
INSERT INTO documents
SELECT
    left(md5('doc' || j), 16), DATE '2000-01-01' + CAST(j * 4 // $per_day AS INTEGER), NULL, NULL,
    'Wire ' || (j % 7), 'Synthetic text.', md5(CAST(j AS VARCHAR)), 'bench', 15, 4, 'prefill',
    TIMESTAMP '2020-01-01 00:00:00'
FROM range(CAST($rows // 4 AS BIGINT)) AS t(j);
INSERT INTO event_mentions
SELECT
    left(md5(CAST(i AS VARCHAR)), 20), event_key(day, source, target, code),
    left(md5('doc' || (i // 4)), 16),
    CAST(i % 4 AS INTEGER), 'Synthetic sentence.', day, 'publication',
    source, 'Source', left(source, 3), NULL, target, 'Target', left(target, 3), NULL,
    code, left(code, 2), quad_class, goldstein, NULL, 'Wire ' || (i // 4 % 7),
    'verb', [{'word': 'verb', 'char_start': 0, 'char_end': 4}], 'bench', 0.8, '0.1.0',
    'bench', TIMESTAMP '2020-01-01 00:00:00', 'prefill', TIMESTAMP '2020-01-01 00:00:00'
FROM (
    SELECT
        i,
        DATE '2000-01-01' + CAST(i // $per_day AS INTEGER) AS day,
        printf('S%02dGOV', hash(i, 1) % 25) AS source,
        printf('T%02d', hash(i, 2) % 15) AS target,
        ['010', '042', '190', '195'][CAST(hash(i, 3) % 4 AS INTEGER) + 1] AS code,
        [1, 1, 4, 4][CAST(hash(i, 3) % 4 AS INTEGER) + 1] AS quad_class,
        [0.0, 1.9, -10.0, -10.0][CAST(hash(i, 3) % 4 AS INTEGER) + 1] AS goldstein
    FROM range(CAST($rows AS BIGINT)) AS t(i)
);
INSERT INTO events
SELECT
    event_id, any_value(event_date), any_value(source), any_value(source_text),
    any_value(source_country), NULL, any_value(target), any_value(target_text),
    any_value(target_country), NULL, any_value(code), any_value(root_code),
    any_value(quad_class), any_value(goldstein), count(*), count(DISTINCT outlet),
    count(DISTINCT doc_id), bool_or(sentence_index < 3), avg(confidence), max(confidence),
    NULL, min(first_seen), max(first_seen), '0.1.0', 'bench', 'prefill',
    TIMESTAMP '2020-01-01 00:00:00'
FROM event_mentions
GROUP BY event_id
ORDER BY any_value(event_date)
