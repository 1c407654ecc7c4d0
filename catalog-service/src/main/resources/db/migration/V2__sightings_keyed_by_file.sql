-- Provenance keyed by the file too (issue 13): one upload of several files can hold the same article
-- in two files, at the same position or not; each (upload, file, position) is a sighting of its own.
-- Every existing row stays: rows unique on (article, upload, position) are unique on the wider key.
-- (Sightings that the old key dropped at consumption time were never stored; replaying the topic,
-- e.g. resetting the group's offsets to the earliest, restores them and changes nothing else.)

ALTER TABLE article_sighting DROP CONSTRAINT article_sighting_once;

-- Source names in NFC, the form the catalog stores and the source filter compares (normalize() needs a
-- UTF8 database). This cannot make two rows equal: (article, upload, position) was unique until now.
DO $$
BEGIN
    IF current_setting('server_encoding') = 'UTF8' THEN
        UPDATE article_sighting SET source_name = normalize(source_name, NFC)
        WHERE source_name IS NOT NFC NORMALIZED;
    END IF;
END $$;

-- idempotency (ON CONFLICT DO NOTHING) and the provenance lookup by article id
ALTER TABLE article_sighting ADD CONSTRAINT article_sighting_once
    UNIQUE (article_id, upload_id, source_name, position);

-- GET /uploads/{uploadId}: keyset walk by (file, position, article), and the uploadId filter and counts
CREATE INDEX article_sighting_upload_file_idx ON article_sighting (upload_id, source_name, position, article_id);
DROP INDEX article_sighting_upload_idx;
