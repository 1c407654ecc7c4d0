package org.bulletinsearch.search.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bulletinsearch.events.ArticleId;
import org.bulletinsearch.search.indexing.ReindexConfig;
import org.bulletinsearch.search.peer.PeerService;
import org.jboss.logging.Logger;

/**
 * The catalog's {@code GET /articles/{id}} for the article page: the full text, the entities and the provenance
 * (every upload, file and position the article was seen in), and its {@code GET /stories/{id}} for the other
 * versions of the article's story. The catalog is the one the reindex copies from
 * ({@code search.catalog-url}); the page asks it through a {@link PeerService} of its own (one for all page requests,
 * not one per request), with the page's shorter timeout.
 */
@ApplicationScoped
public class CatalogArticles {

    private static final Logger LOG = Logger.getLogger(CatalogArticles.class);

    /** What the catalog said about one id. */
    public sealed interface Lookup permits Found, Corrected, Missing, Unavailable {
    }

    /** The article. */
    public record Found(CatalogArticle article) implements Lookup {
    }

    /** The article was corrected: {@code correction} replaces it. */
    public record Corrected(String correction) implements Lookup {
    }

    /** The catalog holds no article of this id (never had it, or it was deleted). */
    public record Missing() implements Lookup {
    }

    /** The catalog could not answer (down, overloaded, an answer that is not an article). */
    public record Unavailable(String reason) implements Lookup {
    }

    /**
     * An article as the catalog serves it.
     *
     * @param entities values by facet name (country, region, organization, programme, year), in the catalog's order
     * @param supersedes the article this one corrects, or null
     * @param provenance every sighting, oldest first
     * @param otherVersions the other articles of its story (the same news re-told elsewhere), first seen first;
     *     empty when there are none or the catalog could not list them
     */
    public record CatalogArticle(String id, String title, String body, Instant firstSeenAt,
            Map<String, List<String>> entities, String supersedes, List<Sighting> provenance,
            List<Version> otherVersions) {
    }

    /**
     * Another version of an article's story, from the catalog's {@code GET /stories/{id}}.
     *
     * @param sources the files it was seen in, first sighting first, each once
     */
    public record Version(String id, String title, Instant firstSeenAt, List<String> sources) {
    }

    /** One upload, file and position the article was seen at. */
    public record Sighting(String uploadId, String sourceName, int position, Instant ingestedAt) {
    }

    private final PeerService catalog;
    private final PageConfig config;
    private final ObjectMapper mapper;

    public CatalogArticles(ReindexConfig reindex, PageConfig config, ObjectMapper mapper) {
        this.catalog = new PeerService(reindex.catalogUrl(), config.catalogTimeout());
        this.config = config;
        this.mapper = mapper;
    }

    /** The article {@code id} (well-formed: 32 lowercase hex characters), with the other versions of its story. */
    public Lookup find(String id) {
        HttpResponse<byte[]> response;
        try {
            response = get("/articles/" + id);
        } catch (IOException e) {
            LOG.debugf("catalog at %s unreachable: %s", catalog.uri(""), e);
            return new Unavailable("the catalog cannot be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unavailable("interrupted");
        }
        return switch (response.statusCode()) {
            case 200 -> read(response.body());
            case 308 -> corrected(response);
            case 404, 410 -> new Missing();
            default -> new Unavailable("the catalog answered " + response.statusCode());
        };
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return catalog.client().send(HttpRequest.newBuilder(catalog.uri(path)).timeout(config.catalogTimeout())
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private Lookup corrected(HttpResponse<byte[]> response) {
        String location = response.headers().firstValue("Location").orElse("");
        String id = location.substring(location.lastIndexOf('/') + 1);
        return ArticleId.isWellFormed(id) ? new Corrected(id) : new Unavailable("a correction without its id");
    }

    private Lookup read(byte[] body) {
        try {
            JsonNode json = mapper.readTree(body);
            if (json == null || !json.path("title").isTextual() || !json.path("body").isTextual()) {
                return new Unavailable("an answer that is not an article");
            }
            List<Sighting> provenance = new ArrayList<>();
            for (JsonNode sighting : json.path("provenance")) {
                provenance.add(new Sighting(sighting.path("uploadId").asText(""),
                        sighting.path("sourceName").asText(""), sighting.path("position").asInt(),
                        instant(sighting.path("ingestedAt"))));
            }
            Map<String, List<String>> entities = new LinkedHashMap<>();
            json.path("entities").fields().forEachRemaining(facet -> {
                List<String> values = new ArrayList<>();
                facet.getValue().forEach(value -> values.add(value.asText()));
                entities.put(facet.getKey(), values);
            });
            String id = json.path("id").asText();
            return new Found(new CatalogArticle(id, json.path("title").asText(),
                    json.path("body").asText(), instant(json.path("firstSeenAt")), entities,
                    json.path("supersedes").isTextual() ? json.path("supersedes").asText() : null, provenance,
                    otherVersions(json.path("storyId").asText(""), id)));
        } catch (IOException | RuntimeException e) {
            LOG.debugf("unreadable article from the catalog: %s", e);
            return new Unavailable("an unreadable answer");
        }
    }

    /** The story's other articles; none when the story has no other or the catalog cannot list them now. */
    private List<Version> otherVersions(String storyId, String articleId) {
        if (!ArticleId.isWellFormed(storyId)) {
            return List.of();
        }
        try {
            HttpResponse<byte[]> response = get("/stories/" + storyId);
            if (response.statusCode() != 200) {
                return List.of();
            }
            List<Version> versions = new ArrayList<>();
            for (JsonNode version : mapper.readTree(response.body()).path("articles")) {
                String id = version.path("id").asText();
                if (!id.equals(articleId)) {
                    Set<String> sources = new LinkedHashSet<>();
                    version.path("provenance").forEach(sighting -> sources.add(sighting.path("sourceName").asText("")));
                    versions.add(new Version(id, version.path("title").asText(), instant(version.path("firstSeenAt")),
                            List.copyOf(sources)));
                }
            }
            return versions;
        } catch (IOException | RuntimeException e) {
            LOG.debugf("the story %s could not be listed: %s", storyId, e);
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private static Instant instant(JsonNode value) {
        return value.isTextual() ? Instant.parse(value.asText()) : null;
    }
}
