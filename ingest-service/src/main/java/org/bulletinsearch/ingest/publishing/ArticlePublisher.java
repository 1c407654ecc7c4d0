package org.bulletinsearch.ingest.publishing;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bulletinsearch.events.Topics;
import org.bulletinsearch.ingest.IngestConfig;
import org.jboss.logging.Logger;

/**
 * Publishes the article events of one upload in one Kafka transaction, so that an upload is visible to
 * {@code read_committed} consumers entirely or not at all.
 *
 * <p>Producers are transactional (hence idempotent, {@code acks=all}) and pooled: a transactional
 * producer runs one transaction at a time, so the pool size is the number of uploads published at
 * once. Each pool slot keeps a stable {@code transactional.id} ({@code <prefix>-<instance>-<slot>}):
 * when a producer has to be replaced after a failure, its successor fences it and the broker aborts
 * whatever transaction it left open, instead of holding back consumers until the transaction timeout.
 *
 * <p>Events are sent while the upload is still being parsed; the producer groups them into batches
 * ({@code batch.size}, {@code linger.ms}, compression) and at most {@code ingest.publish.max-in-flight}
 * records per upload wait for their acknowledgement, which keeps memory flat for any file size.
 */
@ApplicationScoped
public class ArticlePublisher {

    private static final Logger LOG = Logger.getLogger(ArticlePublisher.class);
    private static final Set<String> PRODUCER_SETTINGS = ProducerConfig.configNames();

    private final IngestConfig.Publish config;
    private final Map<String, Object> producerSettings;
    private final BlockingDeque<Slot> idle;
    private final List<Slot> slots = new ArrayList<>();

    @Inject
    public ArticlePublisher(IngestConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.config = config.publish();
        this.producerSettings = producerSettings(this.config, kafka);
        this.idle = new LinkedBlockingDeque<>(this.config.producers());
        for (int i = 0; i < this.config.producers(); i++) {
            Slot slot = new Slot(this.config.transactionalIdPrefix() + "-" + this.config.instanceId() + "-" + i);
            slots.add(slot);
            idle.add(slot);
        }
    }

    /**
     * The producer settings: every producer setting among the {@code kafka.*} properties (bootstrap
     * servers, security), then what transactions and batching need.
     */
    static Map<String, Object> producerSettings(IngestConfig.Publish config, Map<String, Object> kafka) {
        Map<String, Object> settings = new HashMap<>();
        kafka.forEach((key, value) -> {
            // Quarkus' TLS registry integration (kafka.tls-configuration-name) travels with its engine factory.
            if (PRODUCER_SETTINGS.contains(key) || key.equals("tls-configuration-name")) {
                settings.put(key, value);
            }
        });
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis(config.deliveryTimeout()));
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(config.requestTimeout()));
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (long) millis(config.maxBlock()));
        settings.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, millis(config.transactionTimeout()));
        settings.put(ProducerConfig.LINGER_MS_CONFIG, millis(config.linger()));
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, (int) config.batchSize().asLongValue());
        settings.put(ProducerConfig.BUFFER_MEMORY_CONFIG, config.bufferMemory().asLongValue());
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compression());
        return settings;
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }

    /**
     * Opens the transaction of one upload. Waits up to {@code ingest.publish.acquire-timeout} for a free
     * producer.
     */
    public Transaction begin() throws PublishFailedException {
        Slot slot;
        try {
            slot = idle.pollFirst(config.acquireTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting for a Kafka producer", e);
        }
        if (slot == null) {
            throw PublishFailedException.busy("all " + config.producers() + " producers are busy with other uploads");
        }
        try {
            Producer<String, byte[]> producer = slot.producer();
            producer.beginTransaction();
            return new Transaction(slot, producer);
        } catch (KafkaException | IllegalStateException e) {
            slot.discard();
            idle.addFirst(slot);
            throw new PublishFailedException("Kafka is not available: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            idle.addFirst(slot);
            throw e;
        }
    }

    @PreDestroy
    void close() {
        for (Slot slot : slots) {
            slot.close(Duration.ofSeconds(5));
        }
    }

    /** One upload's transaction; {@link #close()} aborts it unless it was committed. Not thread-safe. */
    public final class Transaction implements AutoCloseable {

        private final Slot slot;
        private final Producer<String, byte[]> producer;
        private final Semaphore inFlight = new Semaphore(config.maxInFlight());
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private boolean committed;
        private boolean closed;

        private Transaction(Slot slot, Producer<String, byte[]> producer) {
            this.slot = slot;
            this.producer = producer;
        }

        /** Sends one event (key = article id) within the transaction; fails fast once any send failed. */
        public void send(String key, byte[] value) throws PublishFailedException {
            throwIfFailed();
            try {
                if (!inFlight.tryAcquire(config.deliveryTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new PublishFailedException("Kafka did not acknowledge events within "
                            + config.deliveryTimeout().toSeconds() + " s", null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishFailedException("interrupted while publishing", e);
            }
            try {
                producer.send(new ProducerRecord<>(Topics.ARTICLES, key, value), (metadata, exception) -> {
                    if (exception != null) {
                        failure.compareAndSet(null, exception);
                    }
                    inFlight.release();
                });
            } catch (KafkaException | IllegalStateException e) {
                inFlight.release();
                throw failed(e);
            }
        }

        /** Waits for every event's acknowledgement and commits: only now does the upload become visible. */
        public void commit() throws PublishFailedException {
            try {
                producer.flush();
                throwIfFailed();
                producer.commitTransaction();
                committed = true;
            } catch (KafkaException | IllegalStateException e) {
                throw failed(e);
            }
        }

        /** Aborts the transaction unless it was committed, and gives the producer back to the pool. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (!committed) {
                    abort();
                }
            } finally {
                // Last in, first out: the slot used last is used next. Under light load one producer stays
                // warm, and a slot whose producer was just discarded is re-initialized by the next upload,
                // which promptly aborts whatever transaction the old producer left open on the broker.
                idle.addFirst(slot);
            }
        }

        private void abort() {
            try {
                producer.abortTransaction();
            } catch (RuntimeException e) {
                // Kafka unreachable or the producer in a fatal state: replace it. Its successor (same
                // transactional.id) fences it and has the broker abort the open transaction.
                LOG.warnf("could not abort the transaction of %s (%s); the producer is replaced", slot.transactionalId,
                        e.toString());
                slot.discard();
            }
        }

        private void throwIfFailed() throws PublishFailedException {
            Exception cause = failure.get();
            if (cause != null) {
                throw failed(cause);
            }
        }

        private PublishFailedException failed(Exception cause) {
            return new PublishFailedException("Kafka did not accept the events: " + cause.getMessage(), cause);
        }
    }

    /** A pool slot: a transactional id and the producer currently using it, created on first use. */
    private final class Slot {

        private final String transactionalId;
        private Producer<String, byte[]> producer;

        private Slot(String transactionalId) {
            this.transactionalId = transactionalId;
        }

        synchronized Producer<String, byte[]> producer() {
            if (producer == null) {
                Map<String, Object> settings = new HashMap<>(producerSettings);
                settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
                settings.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
                KafkaProducer<String, byte[]> created = new KafkaProducer<>(settings);
                try {
                    created.initTransactions();
                } catch (RuntimeException e) {
                    created.close(Duration.ZERO);
                    throw e;
                }
                producer = created;
                LOG.debugf("transactional producer %s ready", transactionalId);
            }
            return producer;
        }

        synchronized void discard() {
            close(Duration.ZERO);
        }

        synchronized void close(Duration timeout) {
            if (producer != null) {
                try {
                    producer.close(timeout);
                } catch (RuntimeException e) {
                    LOG.debugf("closing producer %s: %s", transactionalId, e);
                }
                producer = null;
            }
        }
    }
}
