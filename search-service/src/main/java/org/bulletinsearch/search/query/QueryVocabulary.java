package org.bulletinsearch.search.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;
import org.bulletinsearch.vocabulary.SearchVocabulary;
import org.bulletinsearch.vocabulary.VocabularyFormatException;
import org.jboss.logging.Logger;

/**
 * The query vocabulary in force: the built-in one plus the operator's file ({@code SEARCH_VOCABULARY_FILE}),
 * read again when the file's modification time or size changes. Each replica watches its own mount, so a
 * Kubernetes ConfigMap update reaches every replica once the kubelet has synced the volume (about a minute),
 * without a restart or a reindex: expansion happens at query time only.
 *
 * <p>The file is looked at no more often than every {@link #CHECK_INTERVAL_NANOS} ns (one {@code stat}).
 * A file that is missing or has bad lines is reported in the log (every bad line with its number) and the
 * previous vocabulary stays in force: a typo in a ConfigMap never takes search down.
 */
final class QueryVocabulary {

    private static final Logger LOG = Logger.getLogger(QueryVocabulary.class);
    /** One second: a {@code stat} per second costs nothing, and a ConfigMap sync takes far longer. */
    static final long CHECK_INTERVAL_NANOS = 1_000_000_000L;

    private record Loaded(SearchVocabulary vocabulary, Object fileKey) {
    }

    private final Path file;
    private volatile Loaded loaded = new Loaded(SearchVocabulary.builtIn(), null);
    private volatile long nextCheck = System.nanoTime();

    /**
     * @param file the operator's file; empty for the built-in vocabulary only
     */
    QueryVocabulary(Optional<String> file) {
        this.file = file.filter(f -> !f.isBlank()).map(Path::of).orElse(null);
        if (this.file != null) {
            reloadIfChanged();
        }
    }

    /**
     * The vocabulary to expand this query with.
     *
     * @return the latest vocabulary that loaded without error
     */
    SearchVocabulary current() {
        if (file != null && System.nanoTime() - nextCheck >= 0) {
            reloadIfChanged();
        }
        return loaded.vocabulary();
    }

    private synchronized void reloadIfChanged() {
        if (System.nanoTime() - nextCheck < 0) {
            return;
        }
        nextCheck = System.nanoTime() + CHECK_INTERVAL_NANOS;
        Object key = fileKey();
        if (Objects.equals(key, loaded.fileKey())) {
            return;
        }
        if (key == null) {
            LOG.warnf("vocabulary file %s is missing; searching with the %s", file,
                    loaded.fileKey() == null ? "built-in vocabulary" : "last one loaded");
            loaded = new Loaded(loaded.vocabulary(), null);
            return;
        }
        try {
            SearchVocabulary vocabulary = SearchVocabulary.load(file);
            loaded = new Loaded(vocabulary, key);
            LOG.infof("vocabulary file %s loaded: %d phrases with alternatives", file, vocabulary.size());
        } catch (VocabularyFormatException | IOException e) {
            // Remember the key so that the same broken file is reported once, not on every check.
            loaded = new Loaded(loaded.vocabulary(), key);
            LOG.errorf("vocabulary file %s not loaded, the previous vocabulary stays in force: %s", file, e.getMessage());
        }
    }

    /** Modification time and size, what changes when an operator or the kubelet rewrites the file; null if unreadable. */
    private Object fileKey() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.lastModifiedTime() + "/" + attributes.size();
        } catch (IOException e) {
            return null; // missing (NoSuchFileException) or unreadable: reported as missing
        }
    }
}
