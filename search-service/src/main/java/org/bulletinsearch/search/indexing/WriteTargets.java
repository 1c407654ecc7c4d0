package org.bulletinsearch.search.indexing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the live consumer writes right now: the index behind the alias and, while a reindex runs, the index
 * it builds (through the building alias, so that a write arriving after the build ended is refused instead
 * of creating an index of that name).
 *
 * <p>The alias's index may have been built by an earlier release whose mapping lacks fields this one writes
 * (its {@code strict} mapping would refuse them): documents are then cut down to the fields it knows and
 * written to that index by name; they get the new fields when the reindex the start-up triggered rebuilds
 * it. Otherwise they go through the alias, which follows a swap made meanwhile by another replica.
 *
 * @param alias the alias searches read
 * @param index the index behind it
 * @param fields the top-level fields of that index's mapping
 * @param buildingAlias the alias of the index a reindex is building, null when none runs
 */
public record WriteTargets(String alias, String index, Set<String> fields, String buildingAlias) {

    public WriteTargets {
        fields = Set.copyOf(fields);
    }

    /** Whether a reindex is building a new index (whose journal then records every change). */
    public boolean building() {
        return buildingAlias != null;
    }

    /** The bulk actions that apply {@code operation} to every target. */
    public List<BulkAction> actions(IndexOperation operation, ObjectMapper mapper) {
        boolean current = fields.containsAll(ArticleDocument.FIELDS);
        BulkAction live = action(operation, current ? alias : index, current, current ? null : fields, mapper);
        return building() ? List.of(live, action(operation, buildingAlias, true, null, mapper)) : List.of(live);
    }

    /**
     * One action of {@code operation} on {@code target}.
     *
     * @param only the fields the target knows, null for all of them
     */
    static BulkAction action(IndexOperation operation, String target, boolean requireAlias, Set<String> only,
            ObjectMapper mapper) {
        if (operation instanceof IndexOperation.Write write) {
            return new BulkAction("index", target, requireAlias, write.id(),
                    only == null ? write.document() : projected(write.document(), only, mapper), null);
        }
        if (operation instanceof IndexOperation.Retract retract) {
            return new BulkAction("update", target, requireAlias, retract.id(), Map.of("doc", retract.current()), null);
        }
        return new BulkAction("delete", target, requireAlias, operation.id(), null, null);
    }

    private static ObjectNode projected(ArticleDocument document, Set<String> only, ObjectMapper mapper) {
        ObjectNode source = mapper.valueToTree(document);
        source.retain(only);
        return source;
    }
}
