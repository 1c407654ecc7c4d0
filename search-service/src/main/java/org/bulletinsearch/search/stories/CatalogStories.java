package org.bulletinsearch.search.stories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bulletinsearch.search.indexing.ReindexConfig;
import org.jboss.logging.Logger;

/**
 * The catalog's {@code GET /stories?articleId=…}: which story each article of a result list belongs to. The
 * catalog owns stories (it groups articles as it stores them); search asks at query time, so a merge or a split
 * shows in the next search, with nothing to re-index. One HTTP client for all searches.
 */
@ApplicationScoped
public class CatalogStories {

    /** Most ids the catalog takes in one request. */
    static final int IDS_PER_REQUEST = 200;

    private static final Logger LOG = Logger.getLogger(CatalogStories.class);

    private final String stories;
    private final StoryConfig config;
    private final ObjectMapper mapper;
    private final HttpClient client;

    public CatalogStories(ReindexConfig catalog, StoryConfig config, ObjectMapper mapper) {
        this.stories = catalog.catalogUrl().toString().replaceAll("/+$", "") + "/stories";
        this.config = config;
        this.mapper = mapper;
        // HTTP/1.1: the default HTTP/2 would try an h2c upgrade on every new connection to the plain-HTTP catalog.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The story of each article.
     *
     * @param articleIds article ids, any number (asked for {@value #IDS_PER_REQUEST} at a time)
     * @return by article id, the story of every article the catalog holds (an article it does not hold yet is
     *     absent); empty when the catalog did not answer in time or answered something else than stories
     */
    public Optional<Map<String, Story>> ofArticles(Collection<String> articleIds) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(articleIds));
        Map<String, Story> byArticle = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += IDS_PER_REQUEST) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + IDS_PER_REQUEST));
            Optional<List<Story>> found = ask(chunk);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            found.get().forEach(story -> story.articleIds().forEach(id -> byArticle.put(id, story)));
        }
        return Optional.of(byArticle);
    }

    private Optional<List<Story>> ask(List<String> articleIds) {
        String query = articleIds.stream().map(id -> "articleId=" + URLEncoder.encode(id, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(stories + "?" + query))
                    .timeout(config.timeout()).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                LOG.debugf("the catalog answered %d to a stories request", response.statusCode());
                return Optional.empty();
            }
            return Optional.of(read(mapper.readTree(response.body())));
        } catch (IOException | RuntimeException e) {
            LOG.debugf("stories from the catalog unavailable: %s", e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static List<Story> read(JsonNode json) {
        if (json == null || !json.path("stories").isArray()) {
            throw new IllegalStateException("not a stories answer");
        }
        List<Story> stories = new ArrayList<>();
        for (JsonNode story : json.path("stories")) {
            List<String> ids = new ArrayList<>();
            story.path("articleIds").forEach(id -> ids.add(id.asText()));
            stories.add(new Story(story.path("id").asText(), story.path("articleCount").asInt(ids.size()), ids));
        }
        return stories;
    }
}
