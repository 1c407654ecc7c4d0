package org.bulletinsearch.search.indexing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * This release's index definition as written, {@value #RESOURCE} on the class path: settings, analyzers and
 * mappings with {@code _meta.mappingVersion}, before {@link IndexManager} adds what depends on the engine (the
 * vector field). It needs Jackson only, so tools that run without the service read it too (the benchmark checks
 * a kept index's version with it).
 */
public final class IndexDefinition {

    static final String RESOURCE = "/search/articles-index.json";

    private IndexDefinition() {
    }

    /**
     * The definition, read anew on each call.
     *
     * @throws IllegalStateException when the resource is not on the class path
     * @throws UncheckedIOException  when it cannot be read as JSON
     */
    public static ObjectNode read(ObjectMapper mapper) {
        try (InputStream in = IndexDefinition.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE + " on the class path");
            }
            return (ObjectNode) mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mapping version this release writes ({@link #read}, then {@link #mappingVersionOf}). */
    public static int mappingVersion() {
        return mappingVersionOf(read(new ObjectMapper()).path("mappings"));
    }

    /**
     * The {@code _meta.mappingVersion} of an index's mappings, as {@code GET /<index>/_mapping} answers them under
     * {@code <index>.mappings}; 0 when they have none (an index built before versions were recorded).
     */
    public static int mappingVersionOf(JsonNode mappings) {
        return mappings.path("_meta").path("mappingVersion").asInt(0);
    }
}
