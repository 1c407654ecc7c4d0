package org.bulletinsearch.platform.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * The ingest service's answer to one upload, timed at the client ({@link System#nanoTime()} when sent and when
 * the whole answer was read): for a 202 the report's upload id and articles, otherwise the refusal as sent
 * (a problem+json document) and no articles.
 */
public record Upload(String source, int status, String contentType, String uploadId, int articleCount,
        List<Article> articles, String refusal, long sentNanos, long answeredNanos) {

    /** One article of a report: its content-derived id, title and position in the file (1-based). */
    public record Article(String id, String title, int position) {
    }

    /** What this client reads of an upload report; other members are ignored. */
    record Report(String uploadId, int articleCount, List<Article> articles) {
    }

    static Upload of(String source, JsonHttp.Reply reply, long sentNanos, long answeredNanos) {
        if (reply.status() != 202) {
            return new Upload(source, reply.status(), reply.contentType(), null, 0, List.of(), reply.text(), sentNanos,
                    answeredNanos);
        }
        try {
            Report report = JsonHttp.JSON.readValue(reply.body(), Report.class);
            return new Upload(source, reply.status(), reply.contentType(), report.uploadId(), report.articleCount(),
                    report.articles() == null ? List.of() : report.articles(), null, sentNanos, answeredNanos);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable upload report: " + JsonHttp.abbreviate(reply.text()), e);
        }
    }

    /** Whether the ingest service accepted the upload (202). */
    public boolean accepted() {
        return status == 202;
    }

    /** The id of the upload's last article, null when there is none. */
    public String lastArticleId() {
        return articles.isEmpty() ? null : articles.get(articles.size() - 1).id();
    }

    /** From sending the request to reading the whole answer. */
    public Duration took() {
        return Duration.ofNanos(answeredNanos - sentNanos);
    }
}
