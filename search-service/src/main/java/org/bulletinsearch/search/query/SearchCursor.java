package org.bulletinsearch.search.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bulletinsearch.events.ArticleId;

/**
 * Where the next page starts: for keyword pages the sort values of the last hit returned
 * ({@code search_after}) and the order they belong to; for fused pages (hybrid, semantic) the position of the
 * next hit in the fused list; and whether the results came from the typo-tolerant query. Clients treat it as
 * opaque: base64url of a small JSON document, checked field by field when it comes back.
 *
 * @param sort the order the values belong to
 * @param fuzzy whether the page came from the typo-tolerant query (the next page must too)
 * @param after the sort values: score or ingestion time in epoch millis, then the article id; null on fused pages
 * @param rank on fused pages, the 0-based position of the next hit in the fused list; -1 on keyword pages
 */
public record SearchCursor(SortOrder sort, boolean fuzzy, JsonNode after, int rank) {

    static final int MAX_ENCODED_LENGTH = 512;
    /** No fused list is longer (search.query.hybrid.window is at most this). */
    static final int MAX_RANK = 1000;
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    /** The cursor that continues after a hit with these {@code sort} values. */
    public static SearchCursor after(SortOrder sort, boolean fuzzy, JsonNode sortValues) {
        return new SearchCursor(sort, fuzzy, sortValues, -1);
    }

    /** The cursor of the fused page that starts at {@code rank} (0-based) of the fused list. */
    public static SearchCursor atRank(boolean fuzzy, int rank) {
        return new SearchCursor(SortOrder.RELEVANCE, fuzzy, null, rank);
    }

    /** Whether this cursor continues a fused (hybrid or semantic) list rather than a keyword one. */
    public boolean fused() {
        return after == null;
    }

    /** The cursor as clients get it: base64url (no padding) of its JSON document, at most {@value #MAX_ENCODED_LENGTH} characters. */
    public String encode() {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("v", 1);
        json.put("s", sort.parameter());
        json.put("f", fuzzy);
        if (fused()) {
            json.put("r", rank);
        } else {
            json.set("a", after);
        }
        try {
            // the mapper's UTF-8 bytes: JsonNode.toString() builds a writer for each call, and its String is encoded again
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MAPPER.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a cursor's JSON always serializes", e);
        }
    }

    /** Reads a cursor a client sent back; the exception's message says what is wrong with it. */
    public static SearchCursor decode(String encoded) throws InvalidCursorException {
        if (encoded.length() > MAX_ENCODED_LENGTH) {
            throw new InvalidCursorException("too long");
        }
        JsonNode json;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(encoded.strip());
            json = MAPPER.readTree(bytes);
        } catch (IllegalArgumentException | IOException e) {
            throw new InvalidCursorException("not a cursor this API issued");
        }
        if (json == null || !json.isObject() || json.path("v").asInt() != 1) {
            throw new InvalidCursorException("not a cursor this API issued");
        }
        SortOrder sort = SortOrder.fromParameter(json.path("s").asText(""))
                .orElseThrow(() -> new InvalidCursorException("unknown sort order"));
        if (json.has("r")) {
            JsonNode rank = json.path("r");
            if (!json.path("f").isBoolean() || sort != SortOrder.RELEVANCE || !rank.isInt() || rank.asInt() < 1
                    || rank.asInt() > MAX_RANK) {
                throw new InvalidCursorException("not a cursor this API issued");
            }
            return atRank(json.path("f").asBoolean(), rank.asInt());
        }
        JsonNode after = json.path("a");
        if (!json.path("f").isBoolean() || !(after instanceof ArrayNode) || after.size() != 2) {
            throw new InvalidCursorException("not a cursor this API issued");
        }
        JsonNode first = after.get(0);
        boolean firstValid = sort == SortOrder.RELEVANCE
                ? first.isNumber() && Double.isFinite(first.asDouble())
                : first.isIntegralNumber() && first.canConvertToLong();
        if (!firstValid || !ArticleId.isWellFormed(after.get(1).asText(null))) {
            throw new InvalidCursorException("not a cursor this API issued");
        }
        return new SearchCursor(sort, json.path("f").asBoolean(), after, -1);
    }

    /** A cursor that cannot be read. */
    public static class InvalidCursorException extends Exception {
        public InvalidCursorException(String message) {
            super(message);
        }
    }
}
