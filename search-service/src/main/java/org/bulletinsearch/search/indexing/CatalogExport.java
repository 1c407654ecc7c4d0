package org.bulletinsearch.search.indexing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bulletinsearch.events.ArticleId;
import org.bulletinsearch.events.Entities;
import org.bulletinsearch.events.SightingRetraction.Sighting;
import org.bulletinsearch.search.peer.PeerService;

/**
 * The catalog's export ({@code GET <CATALOG_URL>/articles/export?size=&cursor=}), the source of truth a reindex
 * copies: current articles ordered by id, each with its latest sighting and its entities, a {@code nextCursor}
 * (null on the last page) and {@code total} on the first page.
 */
@ApplicationScoped
public class CatalogExport {

    /**
     * One article of the export.
     *
     * @param entities null when the catalog holds none (the document then derives them)
     * @param supersedes the article this one corrects, or null (informative: the export lists current ones only)
     */
    public record ExportedArticle(String id, String title, String body, String sourceName, String uploadId,
            int position, Instant ingestedAt, Entities entities, String supersedes) {

        /** The document the index stores for it. */
        public ArticleDocument document() {
            return ArticleDocument.of(id, title, body, new Sighting(uploadId, sourceName, position, ingestedAt), entities);
        }
    }

    /**
     * One page of the export.
     *
     * @param nextCursor pass it to get the next page; null on the last
     * @param total every article of the export, given on the first page only (null on the others)
     * @param invalid items that are not an article (no well-formed id, text or sighting), as read; skipped
     */
    public record Page(List<ExportedArticle> items, String nextCursor, Long total, List<String> invalid) {
    }

    /** The catalog cannot answer now (unreachable, 5xx, 429): worth asking again later. */
    public static class CatalogUnavailableException extends RuntimeException {
        public CatalogUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The catalog refused the request or answered what is not an export page: asking again will not help. */
    public static class CatalogRefusedException extends RuntimeException {
        public CatalogRefusedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ReindexConfig config;
    private final ObjectMapper mapper;
    private final PeerService catalog;

    public CatalogExport(ReindexConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
        this.catalog = new PeerService(config.catalogUrl(), config.reindex().catalogTimeout());
    }

    /**
     * One page of the export.
     *
     * @param cursor null for the first page
     * @throws CatalogUnavailableException when the catalog cannot answer now
     * @throws CatalogRefusedException when it refused or answered something else than a page
     */
    public Page page(String cursor, int size) {
        URI uri = uri(cursor, size);
        HttpResponse<byte[]> response;
        try {
            response = catalog.client().send(HttpRequest.newBuilder(uri).timeout(config.reindex().catalogTimeout())
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new CatalogUnavailableException("catalog unreachable at " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogUnavailableException("interrupted while reading " + uri, e);
        }
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw new CatalogUnavailableException("catalog answered " + status + " to " + uri, null);
        }
        if (status != 200) {
            throw new CatalogRefusedException("catalog answered " + status + " to " + uri + ": "
                    + new String(response.body(), 0, Math.min(response.body().length, 300), StandardCharsets.UTF_8), null);
        }
        return read(response.body(), uri);
    }

    private URI uri(String cursor, int size) {
        return catalog.uri("/articles/export?size=" + size
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
    }

    /** Whether an item is an article: a well-formed id, text, and a sighting of the right types. */
    private static boolean isComplete(JsonNode item) {
        return ArticleId.isWellFormed(item.path("id").asText(null)) && item.path("title").isTextual()
                && item.path("body").isTextual() && item.path("sourceName").isTextual()
                && item.path("uploadId").isTextual() && item.path("position").canConvertToInt()
                && item.path("ingestedAt").isTextual()
                && (item.path("entities").isObject() || item.path("entities").isMissingNode()
                        || item.path("entities").isNull());
    }

    private Page read(byte[] body, URI uri) {
        try {
            JsonNode page = mapper.readTree(body);
            if (page == null || !page.path("items").isArray()) {
                throw new CatalogRefusedException("not an export page (no items) from " + uri, null);
            }
            List<ExportedArticle> items = new ArrayList<>(page.path("items").size());
            List<String> invalid = new ArrayList<>();
            for (JsonNode item : page.path("items")) {
                if (isComplete(item)) {
                    items.add(mapper.treeToValue(item, ExportedArticle.class));
                } else {
                    invalid.add(item.toString().substring(0, Math.min(item.toString().length(), 200)));
                }
            }
            String next = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
            Long total = page.path("total").isIntegralNumber() ? page.path("total").asLong() : null;
            return new Page(items, next, total, invalid);
        } catch (IOException | IllegalArgumentException e) {
            throw new CatalogRefusedException("unreadable export page from " + uri + ": " + e.getMessage(), e);
        }
    }
}
