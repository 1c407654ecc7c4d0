package org.bulletinsearch.search.indexing;

import java.util.Objects;
import org.bulletinsearch.events.SightingRetraction.Sighting;
import org.bulletinsearch.events.TextForms;

/**
 * What one record of the articles topic asks of the index, for one article: write its document (a
 * sighting), delete it (a tombstone, or the article a correction supersedes), or re-point its sighting
 * fields (an upload's sightings were retracted while the article stays).
 */
public sealed interface IndexOperation {

    /** The article (document {@code _id}) this operation is about. */
    String id();

    /**
     * The single operation that has the effect of {@code earlier} followed by this one, both about the same
     * article in log order: the later one wins, except that a retraction re-points a document written in the
     * same batch (it must not turn a new document into a partial update of a missing one) and leaves a
     * deletion a deletion.
     */
    IndexOperation after(IndexOperation earlier);

    /** How the reindex journal names this change: {@code written}, {@code deleted} or {@code retracted}. */
    String kind();

    /** Index the whole document (replacing any earlier version). */
    record Write(ArticleDocument document) implements IndexOperation {
        public Write {
            Objects.requireNonNull(document, "document");
        }

        @Override
        public String id() {
            return document.id();
        }

        @Override
        public IndexOperation after(IndexOperation earlier) {
            return this;
        }

        @Override
        public String kind() {
            return "written";
        }
    }

    /** Delete the document; deleting one that is not there is done too. */
    record Delete(String id) implements IndexOperation {
        public Delete {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public IndexOperation after(IndexOperation earlier) {
            return this;
        }

        @Override
        public String kind() {
            return "deleted";
        }
    }

    /**
     * Replace the sighting fields by {@code current}; an article the index does not hold stays absent.
     *
     * @param current the sighting that now represents the article (source name in NFC, as documents hold it)
     */
    record Retract(String id, Sighting current) implements IndexOperation {
        public Retract {
            Objects.requireNonNull(id, "id");
            current = new Sighting(current.uploadId(), TextForms.nfc(current.sourceName()), current.position(),
                    current.ingestedAt());
        }

        @Override
        public IndexOperation after(IndexOperation earlier) {
            if (earlier instanceof Write write) {
                return new Write(write.document().withSighting(current));
            }
            return earlier instanceof Delete ? earlier : this;
        }

        @Override
        public String kind() {
            return "retracted";
        }
    }
}
