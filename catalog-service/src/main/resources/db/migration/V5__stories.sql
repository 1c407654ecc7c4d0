-- Stories (issue 18): every article belongs to one story, the connected component of the "same story" graph
-- (story package: StoryMatcher over MinHash signatures, candidates by LSH band keys), named by the smallest
-- article id of the component. V6 groups the articles stored before this migration and makes story_id
-- mandatory; from then on the consumer assigns it in the transaction that stores the article.
ALTER TABLE article ADD COLUMN story_id char(32);
ALTER TABLE article ADD CONSTRAINT article_story_id_format CHECK (story_id ~ '^[0-9a-f]{32}$');
-- GET /stories/{id}, and the members of a story when it merges or splits
CREATE INDEX article_story_idx ON article (story_id);

-- What matching needs of each article, kept so that a new article is compared without recomputing the others.
CREATE TABLE article_story_features (
    article_id char(32) NOT NULL,
    -- StorySignature.toBytes(): format byte, shingle count, 128 MinHash minima
    signature  bytea    NOT NULL,
    -- KeyTerms.extract(): the terms that tell one event from another
    key_terms  text[]   NOT NULL,
    -- LshBands.numericKeys(): 64 band keys; articles sharing one are compared
    band_keys  bigint[] NOT NULL,
    CONSTRAINT article_story_features_pk PRIMARY KEY (article_id),
    CONSTRAINT article_story_features_article_fk FOREIGN KEY (article_id) REFERENCES article (id) ON DELETE CASCADE
);
-- The candidates of a batch of new articles: band_keys && (their keys), one index scan per batch.
CREATE INDEX article_story_band_keys_idx ON article_story_features USING gin (band_keys);
