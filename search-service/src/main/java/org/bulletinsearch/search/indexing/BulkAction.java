package org.bulletinsearch.search.indexing;

import java.util.Objects;

/**
 * One action of a {@code _bulk} request: its action line and, except for {@code delete}, its source line.
 *
 * @param type {@code index}, {@code create}, {@code update} or {@code delete}
 * @param index the index or alias written to
 * @param requireAlias whether {@code index} must be an alias: the engine then refuses the action
 *     ({@code index_not_found_exception}) instead of creating an index of that name when the alias is gone
 * @param id the document {@code _id}
 * @param source the document ({@code index}, {@code create}) or {@code {"doc": ...}} ({@code update}); null for
 *     {@code delete}
 * @param guard the document version the action expects ({@code if_seq_no}, {@code if_primary_term}), or null
 */
public record BulkAction(String type, String index, boolean requireAlias, String id, Object source, Guard guard) {

    /**
     * The sequence number and primary term the engine reported for a document: an action carrying them is
     * refused ({@code 409}) when the document changed since.
     */
    public record Guard(long seqNo, long primaryTerm) {
    }

    public BulkAction {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(id, "id");
    }
}
