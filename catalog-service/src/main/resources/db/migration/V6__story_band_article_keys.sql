-- story_band holds 64 rows per grouped article and was most of the catalog's database (about 10 KB per grouped
-- article). Its rows now name the article by a 64-bit key instead of its 32-character id, which roughly halves
-- each row and each index entry. The key is the first 16 hex digits of the id (the ids are content hashes, so the
-- keys are as uniform). StoryAssignment recomputes the band keys a candidate shares from its signature, so two
-- articles sharing a key read one extra row; if they also share a band key they share its row, and deleting one
-- takes that row from the other too (a 2^-64 coincidence per pair).
-- Upgrading a catalog that holds grouped articles copies every band row once, at start-up, in one transaction
-- (64 rows per grouped article): stop every catalog replica first (code before this version cannot read the new
-- rows) and give the first one's startup probe that time (see catalog-service/README.md, "Upgrading").
CREATE FUNCTION story_article_key(article_id bpchar) RETURNS bigint
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT ('x' || left(article_id, 16))::bit(64)::bigint $$;

-- The candidates' features are read by that key (queries call the function as written here, so the index matches).
CREATE INDEX article_story_features_key_idx ON article_story_features (story_article_key(article_id));

CREATE TABLE story_band_keyed (
    band_key    bigint NOT NULL,
    article_key bigint NOT NULL
);
-- DISTINCT: two articles sharing a key and a band key share one row
INSERT INTO story_band_keyed SELECT DISTINCT band_key, story_article_key(article_id) FROM story_band;
DROP TABLE story_band;
ALTER TABLE story_band_keyed RENAME TO story_band;
ALTER TABLE story_band ADD CONSTRAINT story_band_pk PRIMARY KEY (band_key, article_key);
