package org.bulletinsearch.ingest.upload;

import jakarta.ws.rs.core.MediaType;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * One file of an upload, as the request brought it.
 *
 * @param name the file name the client gave (already cleaned, see {@link SourceNames}), or null
 * @param charset the charset the client declared, or null for UTF-8
 * @param content opens the file's bytes
 * @param streamed true for the request body itself, read while it arrives (what a refusal leaves unread
 *        is read before the answer); false for a multipart part, spooled to disk before the upload starts
 */
record UploadedFile(String name, Charset charset, Content content, boolean streamed) {

    /** Most files in one multipart upload. */
    static final int MAX_FILES = 1000;

    /** Part types accepted in multipart uploads, besides none at all. */
    private static final List<String> TEXT_PART_TYPES = List.of("text/plain", "application/octet-stream");

    /** Opens a file's bytes. */
    @FunctionalInterface
    interface Content {
        InputStream open() throws IOException;
    }

    /** The body of a {@code text/plain} upload, named by {@code source}, else by its Content-Disposition. */
    static UploadedFile body(InputStream body, MediaType type, String source, String contentDisposition) {
        String name = source != null ? SourceNames.fromParameter(source)
                : SourceNames.fromContentDisposition(contentDisposition);
        // The request stream belongs to the HTTP layer: the upload reads it but does not close it.
        InputStream unclosable = new FilterInputStream(body) {
            @Override
            public void close() {
            }
        };
        return new UploadedFile(name, type == null ? null : charset(type.getParameters().get("charset"), null),
                () -> unclosable, true);
    }

    /** The file parts of a multipart upload, named by their file name, else by their field name. */
    static List<UploadedFile> parts(List<FileUpload> parts) {
        if (parts == null || parts.isEmpty()) {
            throw UploadRefusedException.noFile();
        }
        if (parts.size() > MAX_FILES) {
            throw UploadRefusedException.tooManyFiles(MAX_FILES);
        }
        return parts.stream().map(UploadedFile::part).toList();
    }

    private static UploadedFile part(FileUpload part) {
        String fileName = part.fileName();
        String name = SourceNames.fromFileName(fileName != null && !fileName.isBlank() ? fileName : part.name());
        MediaType type = textType(part.contentType(), name);
        // The part's own charset parameter, else the form's default when that is not UTF-8 (our default anyway).
        String declared = type != null ? type.getParameters().get("charset") : null;
        if (declared == null && !"UTF-8".equalsIgnoreCase(part.charSet())) {
            declared = part.charSet();
        }
        Path spooled = part.uploadedFile();
        return new UploadedFile(name, charset(declared, name), () -> Files.newInputStream(spooled), false);
    }

    /** A part's type, which must be text ({@link #TEXT_PART_TYPES}) or none; 415 otherwise. */
    private static MediaType textType(String contentType, String name) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        try {
            MediaType type = MediaType.valueOf(contentType);
            if (TEXT_PART_TYPES.contains((type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT))) {
                return type;
            }
        } catch (IllegalArgumentException unparseable) {
            // refused below, as any other type
        }
        throw UploadRefusedException.unsupportedPartType(contentType, name);
    }

    /** The declared charset, or null when none is declared (UTF-8 then); 415 for one Java does not know. */
    private static Charset charset(String declared, String name) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        String charset = declared.strip().replace("\"", "");
        try {
            return Charset.forName(charset);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw UploadRefusedException.unsupportedCharset(charset, name);
        }
    }
}
