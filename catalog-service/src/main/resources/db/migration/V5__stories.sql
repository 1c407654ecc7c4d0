-- Stories (issue 18): every article belongs to one story, the connected component of the "same story" graph
-- (story package: StoryMatcher over MinHash signatures, candidates by LSH band keys), named by the smallest
-- article id of the component. An article starts as its own story, pending; StoryAssigner groups pending
-- articles in the background, a batch at a time (the articles stored before this migration too).
ALTER TABLE article ADD COLUMN story_id char(32);
UPDATE article SET story_id = id;
ALTER TABLE article ALTER COLUMN story_id SET NOT NULL;
ALTER TABLE article ADD CONSTRAINT article_story_id_format CHECK (story_id ~ '^[0-9a-f]{32}$');
ALTER TABLE article ADD COLUMN story_pending boolean NOT NULL DEFAULT true;
-- GET /stories/{id}, and the members of a story when it merges or splits
CREATE INDEX article_story_idx ON article (story_id);
-- the assigner's queue, newest first
CREATE INDEX article_story_pending_idx ON article (first_seen_at, id) WHERE story_pending;

-- What matching needs of each article, kept so that a new article is compared without recomputing the others.
CREATE TABLE article_story_features (
    article_id char(32) NOT NULL,
    -- StorySignature.toBytes(): format byte, shingle count, 128 MinHash minima
    signature  bytea    NOT NULL,
    -- KeyTerms.extract(): the terms that tell one event from another
    key_terms  text[]   NOT NULL,
    CONSTRAINT article_story_features_pk PRIMARY KEY (article_id),
    CONSTRAINT article_story_features_article_fk FOREIGN KEY (article_id) REFERENCES article (id) ON DELETE CASCADE
);

-- LSH band keys (LshBands.numericKeys: 64 per article): articles sharing one are compared. No foreign key: its
-- check would run 64 times per stored article; StoryAssignment.forget removes an article's rows by its keys.
CREATE TABLE story_band (
    band_key   bigint   NOT NULL,
    article_id char(32) NOT NULL,
    CONSTRAINT story_band_pk PRIMARY KEY (band_key, article_id)
);
