package org.bulletinsearch.search.stories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bulletinsearch.search.indexing.ReindexConfig;
import org.bulletinsearch.search.peer.PeerService;
import org.jboss.logging.Logger;

/**
 * The catalog's {@code GET /stories?articleId=…}: which story each article of a result list belongs to. The
 * catalog owns stories (it groups articles as it stores them); search asks at query time, so a merge or a split
 * shows within {@code search.stories.cache-ttl} (the answers about grouped articles are kept that long; those
 * about articles still waiting to be grouped or not in the catalog yet, {@code search.stories.pending-ttl}), with
 * nothing to re-index. One HTTP client for all searches.
 */
@ApplicationScoped
public class CatalogStories {

    /** Most ids the catalog takes in one request. */
    static final int IDS_PER_REQUEST = 200;

    private static final Logger LOG = Logger.getLogger(CatalogStories.class);

    private final PeerService catalog;
    private final StoryConfig config;
    private final ObjectMapper mapper;
    /** {@code pending-ttl}, at most {@code cache-ttl}. */
    private final Duration pendingTtl;
    /** Articles' stories by article id, each kept for its time to live; null when {@code cache-ttl} is zero. */
    private final Cache<String, Membership> kept;

    /**
     * @throws IllegalArgumentException when {@code cache-ttl} or {@code pending-ttl} is negative
     */
    @Inject
    public CatalogStories(ReindexConfig reindex, StoryConfig config, ObjectMapper mapper) {
        this(reindex, config, mapper, Ticker.systemTicker());
    }

    /** With the clock the kept answers age by (a test's own). */
    CatalogStories(ReindexConfig reindex, StoryConfig config, ObjectMapper mapper, Ticker ticker) {
        if (config.cacheTtl().isNegative() || config.pendingTtl().isNegative()) {
            throw new IllegalArgumentException("search.stories.cache-ttl and pending-ttl must not be negative");
        }
        this.catalog = new PeerService(reindex.catalogUrl(), config.timeout());
        this.config = config;
        this.mapper = mapper;
        this.pendingTtl = config.pendingTtl().compareTo(config.cacheTtl()) < 0 ? config.pendingTtl()
                : config.cacheTtl();
        this.kept = config.cacheTtl().isZero() ? null : Caffeine.newBuilder().ticker(ticker)
                .expireAfter(Expiry.<String, Membership>writing((id, membership) -> timeToLive(membership)))
                .maximumSize(config.cacheSize()).build();
    }

    private Duration timeToLive(Membership membership) {
        return membership.pending() ? pendingTtl : config.cacheTtl();
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
        Map<String, Membership> known = kept == null ? Map.of() : kept.getAllPresent(distinct);
        Map<String, Story> byArticle = new HashMap<>();
        known.forEach((id, membership) -> {
            if (membership.held()) {
                byArticle.put(id, membership.story());
            }
        });
        List<String> missing = distinct.stream().filter(id -> !known.containsKey(id)).toList();
        for (int from = 0; from < missing.size(); from += IDS_PER_REQUEST) {
            List<String> chunk = missing.subList(from, Math.min(missing.size(), from + IDS_PER_REQUEST));
            Optional<List<Membership>> found = ask(chunk);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            for (Membership membership : found.get()) {
                membership.story().articleIds().forEach(id -> byArticle.put(id, membership.story()));
                keep(membership.story().articleIds(), membership);
            }
            keep(chunk.stream().filter(id -> !byArticle.containsKey(id)).toList(), Membership.NOT_HELD);
        }
        return Optional.of(largestOfEachStory(byArticle));
    }

    private void keep(List<String> articleIds, Membership membership) {
        if (kept != null && !timeToLive(membership).isZero()) {
            articleIds.forEach(id -> kept.asMap().merge(id, membership, CatalogStories::settled));
        }
    }

    /**
     * Which answer about an article to keep when one is already kept: the new one, unless it says pending where the
     * kept one says grouped, or not held where the kept one names a story. That happens only when a slower search's
     * answer arrives after a faster one's; the kept answer is the settled one, and it expires in its own time.
     */
    static Membership settled(Membership kept, Membership arrived) {
        boolean earlier = arrived.held() ? arrived.pending() && !kept.pending() : kept.held();
        return earlier ? kept : arrived;
    }

    /**
     * A kept answer and a new one may name the same story with different versions (one arrived in between): every
     * article of the story then gets the answer listing the most versions.
     */
    static Map<String, Story> largestOfEachStory(Map<String, Story> byArticle) {
        Map<String, Story> largest = new HashMap<>();
        byArticle.values().forEach(story -> largest.merge(story.id(), story,
                (a, b) -> a.articleCount() >= b.articleCount() ? a : b));
        Map<String, Story> settled = new HashMap<>();
        byArticle.forEach((id, story) -> settled.put(id, largest.get(story.id())));
        return settled;
    }

    /**
     * A story as the catalog answered, and whether one of its versions still waited to be grouped; or
     * {@link #NOT_HELD}.
     */
    record Membership(Story story, boolean pending) {

        /**
         * The catalog does not hold the article (yet: the search service may index an article before the catalog
         * stores it, and after a bulk load the catalog may lag far behind). Kept as briefly as a pending answer,
         * since the article may arrive any moment; without it every search would ask the catalog again about the
         * same top hits (at 1M articles the catalog did not hold, one catalog request per search: about 0.7 ms of
         * CPU in the two services; bench README, item 15).
         */
        static final Membership NOT_HELD = new Membership(null, true);

        boolean held() {
            return story != null;
        }
    }

    private Optional<List<Membership>> ask(List<String> articleIds) {
        String query = articleIds.stream().map(id -> "articleId=" + URLEncoder.encode(id, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<byte[]> response = catalog.client().send(HttpRequest.newBuilder(catalog.uri("/stories?" + query))
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

    private static List<Membership> read(JsonNode json) {
        if (json == null || !json.path("stories").isArray()) {
            throw new IllegalStateException("not a stories answer");
        }
        List<Membership> stories = new ArrayList<>();
        for (JsonNode story : json.path("stories")) {
            List<String> ids = new ArrayList<>();
            story.path("articleIds").forEach(id -> ids.add(id.asText()));
            stories.add(new Membership(new Story(story.path("id").asText(), story.path("articleCount").asInt(ids.size()), ids),
                    story.path("pending").asBoolean(true)));
        }
        return stories;
    }
}
