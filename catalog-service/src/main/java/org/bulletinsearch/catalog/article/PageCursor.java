package org.bulletinsearch.catalog.article;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import org.bulletinsearch.events.ArticleId;

/**
 * Keyset position in a {@code GET /articles} walk: the (first-seen time, id) of the last article
 * returned, and the order it was walked in. Clients treat it as opaque (URL-safe base64); it is
 * not signed because it grants nothing: any value only selects a starting point.
 *
 * <p>Keyset rather than offset paging: every page costs the same index range scan however deep the
 * walk, and articles stored while a client walks never shift the pages (first-seen times never change
 * once stored, so no article moves across the cursor).
 */
public record PageCursor(ArticleSort sort, Instant firstSeenAt, String articleId) {

    private static final String VERSION = "1";

    public String encode() {
        String plain = String.join("|", VERSION, sort.parameter(), firstSeenAt.toString(), articleId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back, or empty when it is not one this service wrote. */
    public static Optional<PageCursor> decode(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", -1);
            if (parts.length != 4 || !VERSION.equals(parts[0]) || !ArticleId.isWellFormed(parts[3])) {
                return Optional.empty();
            }
            Optional<ArticleSort> sort = ArticleSort.fromParameter(parts[1]);
            return sort.map(s -> new PageCursor(s, Instant.parse(parts[2]), parts[3]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
