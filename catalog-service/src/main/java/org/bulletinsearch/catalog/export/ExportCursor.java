package org.bulletinsearch.catalog.export;

import java.util.List;
import java.util.Optional;
import org.bulletinsearch.catalog.web.CursorToken;
import org.bulletinsearch.edge.InvalidParameterException;
import org.bulletinsearch.events.ArticleId;

/**
 * Position in a {@code GET /articles/export} walk: the id of the last article returned ({@link CursorToken}:
 * {@code x1|id}). Ids never change, so a walk sees every article that stays current during it exactly once.
 *
 * @param afterId the id of the last article returned
 */
public record ExportCursor(String afterId) {

    private static final String VERSION = "x1";

    /** The opaque {@code nextCursor} token ({@link CursorToken}: URL-safe, no padding). */
    public String encode() {
        return CursorToken.encode(VERSION, afterId);
    }

    /**
     * The {@code cursor} parameter: null when absent or empty.
     *
     * @throws InvalidParameterException when it is not an export cursor of this service
     */
    static ExportCursor fromParameter(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return CursorToken.decode(value, 2).flatMap(ExportCursor::of).orElseThrow(() ->
                new InvalidParameterException("cursor", "cursor is not one this service issued for the export"));
    }

    private static Optional<ExportCursor> of(List<String> fields) {
        return VERSION.equals(fields.get(0)) && ArticleId.isWellFormed(fields.get(1))
                ? Optional.of(new ExportCursor(fields.get(1))) : Optional.empty();
    }
}
