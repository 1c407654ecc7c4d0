package org.bulletinsearch.ingest.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bulletinsearch.ingest.IngestConfig;
import org.jboss.logging.Logger;

/**
 * The API keys uploads are accepted with ({@code ingest.api-key}, i.e. {@code INGEST_API_KEY}: a
 * comma-separated list, so keys can be rotated by running the old and the new one side by side).
 *
 * <p>Only SHA-256 digests of the keys are kept. A presented key is hashed and compared with every
 * configured digest by {@link MessageDigest#isEqual} (constant time for equal lengths, and digests always
 * have equal lengths), without stopping at the first match: the time taken says nothing about how much
 * of a key was right, nor about which key matched.
 */
@ApplicationScoped
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);

    private final List<byte[]> digests;

    @Inject
    public ApiKeys(IngestConfig config) {
        this(config.apiKey());
    }

    ApiKeys(Optional<String> configured) {
        this.digests = parse(configured).stream().map(ApiKeys::sha256).toList();
    }

    /** The keys of a comma-separated list, blanks ignored. */
    static List<String> parse(Optional<String> configured) {
        return configured.stream()
                .flatMap(list -> Arrays.stream(list.split(",")))
                .map(String::strip)
                .filter(key -> !key.isEmpty())
                .toList();
    }

    public boolean isConfigured() {
        return !digests.isEmpty();
    }

    /** Whether the presented key is one of the configured ones. */
    public boolean accepts(String presented) {
        if (presented == null) {
            return false;
        }
        byte[] digest = sha256(presented);
        boolean match = false;
        for (byte[] configured : digests) {
            match |= MessageDigest.isEqual(configured, digest);
        }
        return match;
    }

    /**
     * Refuses to start a production build (any profile launched as {@code java -jar}, {@code prod} above
     * all) without a key: an ingest service open to anyone is worse than one that does not start. In dev
     * and test mode a missing key only means that every upload is refused.
     */
    void requireKeyInProduction(@Observes StartupEvent startup) {
        check(LaunchMode.current(), isConfigured());
        if (!isConfigured()) {
            LOG.warn("no API key configured (ingest.api-key / INGEST_API_KEY): every upload will be refused");
        }
    }

    static void check(LaunchMode mode, boolean configured) {
        if (mode == LaunchMode.NORMAL && !configured) {
            throw new IllegalStateException("No API key configured: set INGEST_API_KEY (a comma-separated list of"
                    + " keys) before starting the ingest service in production");
        }
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
