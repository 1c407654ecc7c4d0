package org.bulletinsearch.search.vectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.bulletinsearch.embeddings.EmbeddingText;
import org.bulletinsearch.embeddings.TextEmbedder;
import org.bulletinsearch.events.TextForms;
import org.jboss.logging.Logger;

/**
 * The service's one sentence-embedding model ({@link TextEmbedder}: all-MiniLM-L6-v2, 384 dimensions, from a
 * Maven artifact), loaded in the background at start so that the service is ready without waiting for it
 * (about a second). Until it is loaded, or when it is disabled or cannot load, {@link #ready()} is false and
 * searches are keyword searches.
 */
@ApplicationScoped
public class ArticleEmbedder {

    private static final Logger LOG = Logger.getLogger(ArticleEmbedder.class);

    private final VectorConfig config;
    /** Query vectors by the query's words in NFC ({@link VectorConfig#queryCache}); Window TinyLFU eviction. */
    private final Cache<String, float[]> queryVectors;
    private volatile TextEmbedder embedder;
    private volatile CompletableFuture<Void> loading = CompletableFuture.completedFuture(null);

    public ArticleEmbedder(VectorConfig config) {
        this.config = config;
        // evictions on the caller's thread: the size holds as soon as put returns
        this.queryVectors = Caffeine.newBuilder().maximumSize(config.queryCache()).executor(Runnable::run).build();
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            loading = CompletableFuture.runAsync(this::load);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        loading.join();
        TextEmbedder loaded = embedder;
        embedder = null;
        if (loaded != null) {
            loaded.close();
        }
    }

    private void load() {
        long start = System.nanoTime();
        try {
            embedder = TextEmbedder.load(config.threads());
            LOG.infof("embedding model loaded in %d ms (%d thread(s))", (System.nanoTime() - start) / 1_000_000,
                    config.threads());
        } catch (RuntimeException | LinkageError e) {
            LOG.errorf(e, "the embedding model cannot be loaded: searches are keyword searches only");
        }
    }

    /** Whether vectors can be computed now. */
    public boolean ready() {
        return embedder != null;
    }

    /**
     * The vector of a query's words, kept for the next time they are asked ({@link VectorConfig#queryCache}); empty
     * while the model is not loaded, or once it is closed (shutting down).
     *
     * @return the vector, {@link TextEmbedder#DIMENSION} floats shared with later callers: not to be changed
     */
    public Optional<float[]> query(String words) {
        TextEmbedder loaded = embedder;
        if (loaded == null || words.isBlank()) {
            return Optional.empty();
        }
        String key = TextForms.nfc(words);
        float[] vector = queryVectors.getIfPresent(key);
        if (vector != null) {
            return Optional.of(vector);
        }
        try {
            // Not Cache.get(key, embed): it embeds inside the map's compute and holds a lock other keys may need.
            // Two searches for new words at once embed them twice, which costs less than one waiting for the other.
            vector = loaded.embed(key);
        } catch (IllegalStateException closedMeanwhile) {
            return Optional.empty();
        }
        queryVectors.put(key, vector);
        return Optional.of(vector);
    }

    /**
     * The vectors of articles ({@link EmbeddingText}: title and lead), in their order.
     *
     * @param titlesAndBodies pairs {title, body}
     * @throws IllegalStateException when the model is not loaded
     */
    public List<float[]> articles(List<String[]> titlesAndBodies) {
        TextEmbedder loaded = embedder;
        if (loaded == null) {
            throw new IllegalStateException("the embedding model is not loaded");
        }
        return loaded.embedAll(titlesAndBodies.stream().map(a -> EmbeddingText.of(a[0], a[1])).toList());
    }
}
