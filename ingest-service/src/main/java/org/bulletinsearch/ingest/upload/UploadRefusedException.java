package org.bulletinsearch.ingest.upload;

import io.quarkiverse.resteasy.problem.HttpProblem;
import java.io.IOException;
import org.bulletinsearch.edge.Parameters;
import org.bulletinsearch.edge.ProblemType;
import org.bulletinsearch.ingest.parsing.BulletinFormatException;

/**
 * An upload refused for what the client sent: a 4xx problem of the shared vocabulary
 * ({@code api-edge/README.md}) whose {@code reason} member refines its type and is the {@code reason} tag
 * of {@code ingest_rejections_total}. Every refusal of an upload is built here; quarkus-resteasy-problem
 * renders it.
 */
public final class UploadRefusedException extends HttpProblem {

    private final String reason;

    private UploadRefusedException(String reason, HttpProblem.Builder problem) {
        super(problem.with("reason", reason));
        this.reason = reason;
    }

    /** The stable slug, e.g. {@code title-without-body}. */
    public String reason() {
        return reason;
    }

    /** 400 {@code invalid-bulletin}: a file that cannot be read unambiguously, with its line and file name. */
    static UploadRefusedException invalidBulletin(BulletinFormatException e, String source, boolean severalFiles) {
        HttpProblem.Builder problem = ProblemType.INVALID_BULLETIN.builder(
                severalFiles ? source + ": " + e.getMessage() : e.getMessage()).with("source", source);
        e.line().ifPresent(line -> problem.with("line", line));
        return new UploadRefusedException(e.kind().slug(), problem);
    }

    /** 413 {@code upload-too-large}: more bytes than {@code ingest.max-upload-size}; the connection closes. */
    static UploadRefusedException tooLarge(long limit, String detail) {
        return new UploadRefusedException("upload-too-large", ProblemType.PAYLOAD_TOO_LARGE.builder(detail
                + ". Split the bulletin into several uploads").with("limit", limit).withHeader("Connection", "close"));
    }

    /** 413 {@code too-many-articles}: more than {@code ingest.max-articles}; where the first extra one starts. */
    static UploadRefusedException tooManyArticles(int limit, int line, String source) {
        return new UploadRefusedException("too-many-articles", ProblemType.PAYLOAD_TOO_LARGE.builder("the upload has"
                + " more than " + limit + " articles (ingest.max-articles): article " + (limit + 1) + " starts on line "
                + line + ". Split it into several uploads").with("limit", limit).with("line", line)
                .with("source", source));
    }

    /** 413 {@code too-many-files}: more files than one upload takes. */
    static UploadRefusedException tooManyFiles(int limit) {
        return new UploadRefusedException("too-many-files",
                ProblemType.PAYLOAD_TOO_LARGE.builder("at most " + limit + " files per upload").with("limit", limit));
    }

    /** 400 {@code no-file}: a multipart form without any file part. */
    static UploadRefusedException noFile() {
        return new UploadRefusedException("no-file", ProblemType.MALFORMED_REQUEST.builder(
                "the multipart form has no file part; send the bulletin as e.g. curl -F file=@bulletin.txt"));
    }

    /** 400 {@code unreadable-upload}: the body ended or failed before its end. */
    static UploadRefusedException unreadable(IOException e) {
        return new UploadRefusedException("unreadable-upload", ProblemType.MALFORMED_REQUEST.builder(
                "the upload could not be read to the end: " + e.getMessage()));
    }

    /** 415 {@code unsupported-charset}: a charset Java does not know; {@code source} may be null. */
    static UploadRefusedException unsupportedCharset(String charset, String source) {
        return unsupported("unsupported-charset", "charset '" + Parameters.abbreviate(charset) + "' is not supported;"
                + " send UTF-8 or name a standard charset (ISO-8859-1, windows-1252, UTF-16)", source);
    }

    /** 415 {@code unsupported-media-type}: a multipart part that is not text; {@code source} may be null. */
    static UploadRefusedException unsupportedPartType(String contentType, String source) {
        return unsupported("unsupported-media-type", "a part" + (source == null ? "" : " ('" + source + "')") + " is "
                + Parameters.abbreviate(contentType) + "; bulletins are text/plain", source);
    }

    private static UploadRefusedException unsupported(String reason, String detail, String source) {
        HttpProblem.Builder problem = ProblemType.UNSUPPORTED_MEDIA_TYPE.builder(detail);
        return new UploadRefusedException(reason, source == null ? problem : problem.with("source", source));
    }
}
