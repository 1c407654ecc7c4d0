-- The catalog: one row per distinct article (its id is derived from its text), and one row per
-- place the article was seen in (upload, position). Writes come only from the event consumer.

CREATE TABLE article (
    -- content-derived id (events module, ArticleId): 32 lowercase hex characters, never padded
    id            char(32)      NOT NULL,
    title         varchar(2000) NOT NULL,
    body          text          NOT NULL,
    -- ingestedAt of the first event the catalog stored for this article; never changes afterwards,
    -- which makes it a stable key for keyset pagination
    first_seen_at timestamptz   NOT NULL,
    -- latest ingestedAt among all the article's events
    last_seen_at  timestamptz   NOT NULL,
    -- when the catalog committed the row (diagnostics and throughput measurement)
    stored_at     timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT article_pk PRIMARY KEY (id),
    CONSTRAINT article_id_format CHECK (id ~ '^[0-9a-f]{32}$'),
    CONSTRAINT article_seen_order CHECK (first_seen_at <= last_seen_at)
);

-- GET /articles: newest (or oldest) first, keyset on (first_seen_at, id)
CREATE INDEX article_first_seen_idx ON article (first_seen_at, id);

CREATE TABLE article_sighting (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    article_id  char(32)     NOT NULL,
    upload_id   varchar(64)  NOT NULL,
    source_name varchar(255) NOT NULL,
    position    integer      NOT NULL,
    ingested_at timestamptz  NOT NULL,
    recorded_at timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT article_sighting_pk PRIMARY KEY (id),
    CONSTRAINT article_sighting_article_fk FOREIGN KEY (article_id) REFERENCES article (id),
    -- idempotency: a redelivered event finds its sighting already there (ON CONFLICT DO NOTHING);
    -- also serves the provenance lookup by article id
    CONSTRAINT article_sighting_once UNIQUE (article_id, upload_id, position),
    CONSTRAINT article_sighting_position CHECK (position >= 1)
);

-- GET /uploads/{uploadId} in position order, and the uploadId filter of GET /articles
CREATE INDEX article_sighting_upload_idx ON article_sighting (upload_id, position);
-- the source filter of GET /articles
CREATE INDEX article_sighting_source_idx ON article_sighting (source_name, article_id);
