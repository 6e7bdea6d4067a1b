-- `events` in the 26 columns of the Phoenix event data, in Phoenix's order (docs/schema.md,
-- "Phoenix export"). One row per day, dyad and code: Phoenix's one-a-day filter, which is the
-- key of `events`. What dyad does not code (issues, geography) is NULL; so is an empty text,
-- which a CSV cannot tell from NULL.
CREATE OR REPLACE VIEW phoenix_events AS
WITH evidence AS (
    SELECT
        event_id,
        first(doc_id || '_' || sentence_index ORDER BY first_seen, mention_id) AS sentence_id,
        nullif(string_agg(DISTINCT url, ';' ORDER BY url), '') AS urls,
        nullif(string_agg(DISTINCT outlet, ';' ORDER BY outlet), '') AS news_sources
    FROM event_mentions
    GROUP BY event_id
)
SELECT
    e.event_id AS EventID,
    CAST(strftime(e.event_date, '%Y%m%d') AS INTEGER) AS "Date",
    CAST(year(e.event_date) AS INTEGER) AS "Year",
    CAST(month(e.event_date) AS INTEGER) AS "Month",
    CAST(day(e.event_date) AS INTEGER) AS "Day",
    e.source AS SourceActorFull,
    coalesce(e.source_country, left(e.source, 3)) AS SourceActorEntity,
    nullif(left(coalesce(e.source_role, ''), 3), '') AS SourceActorRole,
    nullif(substr(coalesce(e.source_role, ''), 4), '') AS SourceActorAttribute,
    nullif(e.target, '') AS TargetActorFull,
    nullif(coalesce(e.target_country, left(e.target, 3)), '') AS TargetActorEntity,
    nullif(left(coalesce(e.target_role, ''), 3), '') AS TargetActorRole,
    nullif(substr(coalesce(e.target_role, ''), 4), '') AS TargetActorAttribute,
    e.code AS EventCode,
    e.root_code AS EventRootCode,
    CAST(e.quad_class AS INTEGER) AS QuadClass,
    e.goldstein AS GoldsteinScore,
    CAST(NULL AS VARCHAR) AS Issues,
    CAST(NULL AS DOUBLE) AS Lat,
    CAST(NULL AS DOUBLE) AS Lon,
    CAST(NULL AS VARCHAR) AS LocationName,
    CAST(NULL AS VARCHAR) AS StateName,
    CAST(NULL AS VARCHAR) AS CountryCode,
    v.sentence_id AS SentenceID,
    v.urls AS URLs,
    v.news_sources AS NewsSources
FROM events AS e
JOIN evidence AS v ON v.event_id = e.event_id;
