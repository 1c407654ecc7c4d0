package org.bulletinsearch.edge;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The configured API keys ({@link ApiKeyConfig#keys()}: a comma-separated list, so keys can be rotated by
 * running the old and the new one side by side; {@code name:key} names a key for audits).
 *
 * <p>Only SHA-256 digests of the keys are kept. A presented key is hashed and compared with every
 * configured digest by {@link MessageDigest#isEqual} (constant time for equal lengths, and digests always
 * have equal lengths), without stopping at the first match: the time taken says nothing about how much
 * of a key was right, nor about which key matched.
 */
@ApplicationScoped
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
    private static final Pattern NAMED = Pattern.compile("^([A-Za-z][A-Za-z0-9_.-]{0,31}):(.+)$");

    private final List<Key> keys;
    private final boolean required;

    /** One configured key: its audit name and the digest of its secret. */
    record Key(String name, byte[] digest) {
    }

    @Inject
    public ApiKeys(ApiKeyConfig config) {
        this(config.keys(), config.required());
    }

    ApiKeys(Optional<String> configured, boolean required) {
        this.keys = parse(configured);
        this.required = required;
    }

    static List<Key> parse(Optional<String> configured) {
        List<String> entries = configured.stream().flatMap(list -> Arrays.stream(list.split(",")))
                .map(String::strip).filter(entry -> !entry.isEmpty()).toList();
        List<Key> parsed = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Matcher named = NAMED.matcher(entries.get(i));
            parsed.add(named.matches() ? new Key(named.group(1), sha256(named.group(2)))
                    : new Key("key-" + (i + 1), sha256(entries.get(i))));
        }
        return List.copyOf(parsed);
    }

    public boolean isConfigured() {
        return !keys.isEmpty();
    }

    /** Whether the presented key is one of the configured ones. */
    public boolean accepts(String presented) {
        return nameOf(presented).isPresent();
    }

    /** The name of the configured key that was presented (for audits; never the key itself), if any. */
    public Optional<String> nameOf(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        byte[] digest = sha256(presented);
        String match = null;
        for (Key key : keys) {
            if (MessageDigest.isEqual(key.digest(), digest)) {
                match = key.name();
            }
        }
        return Optional.ofNullable(match);
    }

    /**
     * A service whose endpoints all write ({@link ApiKeyConfig#required()}) refuses to start in production
     * without a key: open to anyone is worse than not started. Elsewhere a missing key only means that every
     * writing request is refused.
     */
    void checkAtStartup(@Observes StartupEvent startup) {
        check(LaunchMode.current(), required, isConfigured());
        if (!isConfigured()) {
            LOG.warn("no API key configured (INGEST_API_KEY): every writing request will be refused");
        }
    }

    static void check(LaunchMode mode, boolean required, boolean configured) {
        if (mode == LaunchMode.NORMAL && required && !configured) {
            throw new IllegalStateException("No API key configured: set INGEST_API_KEY (a comma-separated list of"
                    + " keys) before starting this service in production");
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
