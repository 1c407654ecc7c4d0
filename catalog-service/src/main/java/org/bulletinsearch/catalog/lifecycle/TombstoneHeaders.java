package org.bulletinsearch.catalog.lifecycle;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bulletinsearch.catalog.article.ArticleChange.Deleted;
import org.bulletinsearch.events.ArticleId;
import org.bulletinsearch.events.InvalidArticleEventException;
import org.bulletinsearch.events.LifecycleHeaders;

/**
 * A deletion as a tombstone carries it: key = article id, no value, and the {@link LifecycleHeaders} (UTF-8
 * text) saying who deleted it, when (RFC 3339) and why, and the retracted upload when that is how it went.
 * Written by the catalog's {@link LifecyclePublisher}, read back by its consumer: the one place of that form.
 */
public final class TombstoneHeaders {

    private TombstoneHeaders() {
    }

    /** The headers of the deletion's tombstone. */
    public static Headers of(Deleted deletion) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, LifecycleHeaders.DELETED_BY, deletion.deletedBy());
        add(headers, LifecycleHeaders.DELETED_AT, deletion.deletedAt().toString());
        add(headers, LifecycleHeaders.DELETE_REASON, deletion.reason());
        if (deletion.uploadId() != null) {
            add(headers, LifecycleHeaders.DELETED_UPLOAD, deletion.uploadId());
        }
        return headers;
    }

    /**
     * The deletion a tombstone stands for.
     *
     * @param key the record key as sent
     * @param headers the record's headers
     * @throws InvalidArticleEventException when the key is not an article id or {@code deleted-at} is missing or
     *     not a time: such a tombstone was not written by the platform and goes to the dead-letter topic
     */
    public static Deleted read(byte[] key, Headers headers) throws InvalidArticleEventException {
        String articleId = key == null ? null : new String(key, StandardCharsets.UTF_8);
        if (!ArticleId.isWellFormed(articleId)) {
            throw new InvalidArticleEventException("tombstone whose key is not an article id");
        }
        String deletedAt = text(headers, LifecycleHeaders.DELETED_AT);
        if (deletedAt == null) {
            throw new InvalidArticleEventException("tombstone without a " + LifecycleHeaders.DELETED_AT + " header");
        }
        try {
            return new Deleted(articleId, Instant.parse(deletedAt), text(headers, LifecycleHeaders.DELETED_BY),
                    text(headers, LifecycleHeaders.DELETE_REASON), text(headers, LifecycleHeaders.DELETED_UPLOAD));
        } catch (DateTimeParseException e) {
            throw new InvalidArticleEventException("tombstone whose " + LifecycleHeaders.DELETED_AT
                    + " header is not an RFC 3339 time", e);
        }
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
