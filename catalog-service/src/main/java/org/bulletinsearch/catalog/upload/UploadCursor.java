package org.bulletinsearch.catalog.upload;

import java.util.List;
import java.util.Optional;
import org.bulletinsearch.catalog.web.CursorToken;
import org.bulletinsearch.edge.InvalidParameterException;
import org.bulletinsearch.events.ArticleId;

/**
 * Keyset position in a {@code GET /uploads/{uploadId}} walk: the (file name, position, article id) of
 * the last sighting returned ({@link CursorToken}: {@code u1|position|id|file}, the file name last
 * because it may contain {@code |}). All three are needed: an upload of several files repeats
 * positions, and two files of the same name in one upload can repeat a position with another article.
 */
public record UploadCursor(String sourceName, int position, String articleId) {

    private static final String VERSION = "u1";
    /** Longest file name, in code points: the column's length. */
    private static final int MAX_SOURCE = 255;

    public String encode() {
        return CursorToken.encode(VERSION, Integer.toString(position), articleId, sourceName);
    }

    /** The cursor a client sent back, or empty when it is not one this service wrote. */
    public static Optional<UploadCursor> decode(String token) {
        return CursorToken.decode(token, 4).flatMap(UploadCursor::of);
    }

    /**
     * The {@code cursor} parameter: null when absent or empty.
     *
     * @throws InvalidParameterException when it is not an upload cursor of this service
     */
    static UploadCursor fromParameter(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return decode(value).orElseThrow(() -> new InvalidParameterException("cursor",
                "cursor is not one this service issued for an upload"));
    }

    private static Optional<UploadCursor> of(List<String> fields) {
        String source = fields.get(3);
        if (!VERSION.equals(fields.get(0)) || !ArticleId.isWellFormed(fields.get(2)) || source.isEmpty()
                || source.codePointCount(0, source.length()) > MAX_SOURCE) {
            return Optional.empty();
        }
        try {
            int position = Integer.parseInt(fields.get(1));
            return position >= 1 ? Optional.of(new UploadCursor(source, position, fields.get(2))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
