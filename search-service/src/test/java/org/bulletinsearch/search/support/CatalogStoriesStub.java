package org.bulletinsearch.search.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for the catalog's {@code GET /stories?articleId=…}: the stories a test tells it, in the shape
 * catalog-service answers ({@code stories}, each {@code id, articleCount, pending, articleIds}; an article in no
 * told story is absent, as one the catalog does not hold). The catalog's grouping has its own tests; a stub lets a
 * test make two given articles one story, which grouping real articles cannot do on demand.
 */
public class CatalogStoriesStub implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, List<String>> STORY_OF_ARTICLE = new ConcurrentHashMap<>();
    private HttpServer server;

    /** Makes these articles one story, named after the first, grouped (not pending). */
    public static void tell(String... articleIds) {
        List<String> story = List.of(articleIds);
        story.forEach(id -> STORY_OF_ARTICLE.put(id, story));
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the catalog stand-in", e);
        }
        server.createContext("/stories", this::stories);
        server.start();
        return Map.of("search.catalog-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        STORY_OF_ARTICLE.clear();
    }

    private void stories(HttpExchange exchange) throws IOException {
        try (exchange) {
            Set<List<String>> told = new LinkedHashSet<>();
            for (String parameter : String.valueOf(exchange.getRequestURI().getRawQuery()).split("&")) {
                if (parameter.startsWith("articleId=")) {
                    String id = URLDecoder.decode(parameter.substring("articleId=".length()), StandardCharsets.UTF_8);
                    List<String> story = STORY_OF_ARTICLE.get(id);
                    if (story != null) {
                        told.add(story);
                    }
                }
            }
            List<String> stories = new ArrayList<>();
            for (List<String> story : told) {
                stories.add("{\"id\":\"" + story.get(0) + "\",\"articleCount\":" + story.size()
                        + ",\"pending\":false,\"articleIds\":[\"" + String.join("\",\"", story) + "\"]}");
            }
            byte[] body = ("{\"stories\":[" + String.join(",", stories) + "]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
