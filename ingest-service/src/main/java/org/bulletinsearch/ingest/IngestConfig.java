package org.bulletinsearch.ingest;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The ingest service's own settings ({@code ingest.*}); each can be overridden by the environment variable
 * of the same name in upper case ({@code INGEST_MAX_UPLOAD_SIZE}, ...). The README lists them all.
 */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /**
     * Most bytes one upload may have, over all its files (enforced by {@code upload.UploadSizeLimit});
     * {@code quarkus.http.limits.max-body-size} must be larger.
     */
    @WithDefault("64M")
    MemorySize maxUploadSize();

    /** Longest line in characters. */
    @WithDefault("100000")
    int maxLineLength();

    /** Longest title in characters (the event schema allows at most 2000). */
    @WithDefault("500")
    int maxTitleLength();

    /** Longest article body in characters, after joining its lines (keeps every event well under 1 MB). */
    @WithDefault("100000")
    int maxArticleLength();

    /** Most articles in one upload, over all its files. */
    @WithDefault("200000")
    int maxArticles();

    Publish publish();

    Reports reports();

    KnownIds knownIds();

    /** How uploads go to Kafka: one transaction per upload on a small pool of transactional producers. */
    interface Publish {

        /**
         * Start of every producer's {@code transactional.id}; the instance id and a slot number follow. A
         * restarted instance with the same id fences its predecessor and aborts what it left open.
         */
        @WithDefault("ingest-service")
        String transactionalIdPrefix();

        /** This instance's part of the transactional id; the pod name in Kubernetes ({@code HOSTNAME}). */
        @WithDefault("${HOSTNAME:local}")
        String instanceId();

        /** Producers, i.e. uploads published at the same time; further uploads wait for one. */
        @WithDefault("2")
        int producers();

        /** How long an upload waits for a free producer before it is answered 503. */
        @WithDefault("30s")
        Duration acquireTimeout();

        /** Records sent but not yet acknowledged, per upload: bounds memory and publishes in batches. */
        @WithDefault("2000")
        int maxInFlight();

        /** Producer {@code delivery.timeout.ms}: how long a record may take to be acknowledged. */
        @WithDefault("60s")
        Duration deliveryTimeout();

        /** Producer {@code request.timeout.ms}. */
        @WithDefault("20s")
        Duration requestTimeout();

        /** Producer {@code max.block.ms}: the longest any producer call blocks (metadata, commit, abort). */
        @WithDefault("30s")
        Duration maxBlock();

        /** Producer {@code transaction.timeout.ms}: the broker aborts a transaction left open longer. */
        @WithDefault("60s")
        Duration transactionTimeout();

        /** Producer {@code linger.ms}. */
        @WithDefault("10ms")
        Duration linger();

        /** Producer {@code batch.size}. */
        @WithDefault("256K")
        MemorySize batchSize();

        /** Producer {@code buffer.memory}, per producer. */
        @WithDefault("16M")
        MemorySize bufferMemory();

        /** Producer {@code compression.type}. */
        @WithDefault("lz4")
        String compression();
    }

    /** Upload reports kept for {@code GET /bulletins/{uploadId}}: spooled to disk, bounded, lost on restart. */
    interface Reports {

        /** Where report files go; a fresh directory under the system temp directory by default. */
        Optional<Path> directory();

        /** Most recent uploads whose reports are kept. */
        @WithDefault("200")
        int retained();

        /** Disk space the kept reports may take; the oldest go first. */
        @WithDefault("512M")
        MemorySize maxDiskSize();
    }

    /** The best-effort memory of article ids this instance has published ("already known" in reports). */
    interface KnownIds {

        /** How many recent ids are remembered (about 24 bytes of heap each). */
        @WithDefault("200000")
        int capacity();
    }
}
