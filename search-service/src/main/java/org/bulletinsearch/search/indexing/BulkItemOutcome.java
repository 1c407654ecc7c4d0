package org.bulletinsearch.search.indexing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.bulletinsearch.search.engine.SearchEngine;

/**
 * What the engine did with one operation of a {@code _bulk} request, and whether to send it again.
 *
 * @param id the document id
 * @param kind indexed, worth retrying, or refused for good
 * @param status HTTP status of the item (0 when the engine gave no item for it)
 * @param errorType the engine's error type, empty when indexed
 * @param reason the engine's error reason, empty when indexed
 */
public record BulkItemOutcome(String id, Kind kind, int status, String errorType, String reason) {

    /** Ordered from best to worst ({@link #worst} relies on it). */
    public enum Kind {
        /** Done: written, or nothing left to do (see {@link #classify}). */
        INDEXED,
        /** The engine could not take it now (overloaded, shard unavailable, index missing or blocked). */
        RETRY,
        /** The engine will never take this document as it is (mapping conflict, parse failure, ...). */
        REJECTED
    }

    /**
     * An item's fate by its status and error type; what is transient is {@link SearchEngine#isTransient}'s call.
     * Done as well as 2xx: deleting a document that is not there ({@code 404} without error), updating one that
     * is not there ({@code document_missing_exception}: a retraction of an article the index does not hold),
     * and a version conflict ({@code 409}: the index holds a later write than a reindex's snapshot or guard).
     */
    public static Kind classify(int status, String errorType) {
        if (status >= 200 && status < 300 || status == 404 && (errorType.isEmpty()
                || "document_missing_exception".equals(errorType)) || "version_conflict_engine_exception".equals(errorType)) {
            return Kind.INDEXED;
        }
        return SearchEngine.isTransient(status, errorType) ? Kind.RETRY : Kind.REJECTED;
    }

    /** Every operation of {@code operations} with the same fate, e.g. when the whole request failed. */
    static List<BulkItemOutcome> all(List<IndexOperation> operations, Kind kind, int status, String errorType,
            String reason) {
        return operations.stream().map(o -> new BulkItemOutcome(o.id(), kind, status, errorType, reason)).toList();
    }

    /**
     * The fate of an operation written to several indices: refused if one refused it for good, else retried if
     * one could not take it yet, else done.
     */
    static BulkItemOutcome worst(List<BulkItemOutcome> outcomes) {
        BulkItemOutcome worst = outcomes.get(0);
        for (BulkItemOutcome outcome : outcomes) {
            if (outcome.kind().ordinal() > worst.kind().ordinal()) {
                worst = outcome;
            }
        }
        return worst;
    }

    /**
     * Reads a {@code _bulk} answer item by item. Items come back in request order; an action the answer
     * does not account for is retried rather than assumed done.
     *
     * @param sent the document ids of the actions sent, in order
     */
    public static List<BulkItemOutcome> read(JsonNode response, List<String> sent) {
        JsonNode items = response.path("items");
        List<BulkItemOutcome> outcomes = new ArrayList<>(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            String id = sent.get(i);
            JsonNode item = items.path(i);
            JsonNode result = item.isObject() && item.size() == 1 ? item.elements().next() : null;
            if (result == null || !result.path("status").isInt() || !id.equals(result.path("_id").asText(id))) {
                outcomes.add(new BulkItemOutcome(id, Kind.RETRY, 0, "missing_item", "the bulk answer has no item for it"));
                continue;
            }
            int status = result.path("status").asInt();
            JsonNode error = result.path("error");
            String type = error.path("type").asText("");
            String reason = error.isTextual() ? error.asText() : error.path("reason").asText("");
            JsonNode causedBy = error.path("caused_by");
            if (causedBy.isObject() && !causedBy.path("reason").asText("").isEmpty()) {
                reason = reason + " (" + causedBy.path("type").asText("") + ": " + causedBy.path("reason").asText() + ")";
            }
            outcomes.add(new BulkItemOutcome(id, classify(status, type), status, type, reason));
        }
        return outcomes;
    }
}
