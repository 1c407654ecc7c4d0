-- The article lifecycle (issue 15) and entities (issue 16). Everything here is rebuilt by consuming the
-- articles topic from its beginning: deletions (tombstones), retractions and corrections are records of
-- the topic like the sightings, applied in offset order.

-- What the article is about (countries, regions, organizations, programmes, years), as its event carried
-- them or as the vocabulary derives them from the text: {"country":[...],...,"year":[...]}. V4 fills it
-- for the articles stored before this migration and makes it NOT NULL.
ALTER TABLE article ADD COLUMN entities jsonb;
-- The earlier article this one corrects (its events' supersedes); null when it corrects nothing.
ALTER TABLE article ADD COLUMN supersedes char(32);
ALTER TABLE article ADD CONSTRAINT article_supersedes_format CHECK (supersedes ~ '^[0-9a-f]{32}$');

-- Articles hidden behind their correction: GET /articles/{superseded_id} redirects to the superseding one,
-- listings and the export leave them out. No foreign key: the corrected article may never have reached
-- the catalog. A later sighting of the corrected article (ingested after the correction) removes the row.
CREATE TABLE article_supersession (
    superseded_id  char(32)    NOT NULL,
    superseding_id char(32)    NOT NULL,
    -- ingestedAt of the correction: a sighting of the corrected article ingested before it changes nothing
    superseded_at  timestamptz NOT NULL,
    CONSTRAINT article_supersession_pk PRIMARY KEY (superseded_id),
    CONSTRAINT article_supersession_ids CHECK (superseded_id ~ '^[0-9a-f]{32}$' AND superseding_id ~ '^[0-9a-f]{32}$')
);

-- The deletion audit, written from the records of the topic (tombstone headers, retractions), so that a
-- catalog rebuilt from the topic has the same audit. kind 'article': the article went (a tombstone);
-- 'sightings': the sightings of upload_id went, the article stayed (a retraction).
CREATE TABLE article_deletion (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    -- no foreign key: the article row is gone, or comes back later as a new row
    article_id  char(32)      NOT NULL,
    kind        varchar(16)   NOT NULL,
    deleted_at  timestamptz   NOT NULL,
    -- the name of the API key that asked for it, never the key
    deleted_by  varchar(200)  NOT NULL,
    reason      varchar(2000) NOT NULL,
    -- the retracted upload (a retraction, or a tombstone sent because of one); null for a plain deletion
    upload_id   varchar(64),
    recorded_at timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT article_deletion_pk PRIMARY KEY (id),
    CONSTRAINT article_deletion_kind CHECK (kind IN ('article', 'sightings')),
    -- idempotency: a redelivered tombstone or retraction finds its row and changes nothing; also serves the
    -- lookups by article id (the audit, and "was this sighting ingested before the article's deletion?")
    CONSTRAINT article_deletion_once UNIQUE (article_id, deleted_at, kind)
);
