package org.bulletinsearch.ingest.upload;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an accepted upload published: returned by {@code POST /bulletins} and {@code GET
 * /bulletins/{uploadId}}. The service streams this JSON from a compact spool file (see
 * {@link UploadReportStore}); this record documents its shape for OpenAPI and for clients.
 */
@Schema(name = "UploadReport", description = "The articles an accepted upload published, in file order.")
public record UploadReport(
        @Schema(description = "Id of the upload; also in every event's uploadId.", examples = "1f0b7c9e-4d2a-4c53-9a57-3c2f1b8e6d10")
        String uploadId,
        @Schema(description = "When the upload was accepted (the events' ingestedAt).", examples = "2025-11-25T15:04:05.123Z")
        Instant receivedAt,
        @Schema(description = "Number of articles published.", examples = "10")
        int articleCount,
        @Schema(description = "How many of them this instance had published before (best effort).", examples = "0")
        int alreadyKnownCount,
        @Schema(description = "The uploaded files.")
        List<SourceReport> sources,
        @Schema(description = "Every article, in the order of the files and of the articles in them.")
        List<ArticleReport> articles) {

    /** One uploaded file. */
    @Schema(name = "SourceReport")
    public record SourceReport(
            @Schema(description = "File name (the events' sourceName).", examples = "harbour-gazette.txt")
            String name,
            @Schema(description = "Charset the file was read with.", examples = "UTF-8")
            String charset,
            @Schema(description = "Articles in this file.", examples = "3")
            int articleCount) {
    }

    /** One published article. */
    @Schema(name = "ArticleReport")
    public record ArticleReport(
            @Schema(description = "Content-derived article id, the Kafka record key.", examples = "27a02a3453645c85f97180cded515acd")
            String id,
            @Schema(description = "Title, whitespace-normalized.", examples = "Lindqvist Harbour Opens Its New Ferry Terminal")
            String title,
            @Schema(description = "1-based position within its file.", examples = "1")
            int position,
            @Schema(description = "File the article came from.", examples = "harbour-gazette.txt")
            String source,
            @Schema(description = "True when this instance had already published the same id (best effort:"
                    + " bounded memory, per instance, reset on restart).", examples = "false")
            boolean alreadyKnown) {
    }
}
