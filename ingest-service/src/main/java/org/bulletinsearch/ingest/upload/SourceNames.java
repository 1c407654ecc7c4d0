package org.bulletinsearch.ingest.upload;

import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.bulletinsearch.edge.Parameters;
import org.bulletinsearch.events.TextForms;

/**
 * The events' {@code sourceName}s: where a file's name comes from, how it is cleaned, and how every file of
 * one upload gets a name of its own, so that (upload, file, position) identifies each sighting of an article.
 */
final class SourceNames {

    /** Longest name, in code points: the event schema's {@code sourceName} {@code maxLength}. */
    static final int MAX_LENGTH = 255;
    /** An extension longer than this is no extension: numbering goes at the end of the name. */
    private static final int MAX_EXTENSION = 16;
    private static final Pattern DIRECTORIES = Pattern.compile("^.*[/\\\\]");

    private SourceNames() {
    }

    /** The {@code source} parameter (validated like every parameter), without directories; null if none. */
    static String fromParameter(String value) {
        return withoutDirectories(Parameters.text("source", value, MAX_LENGTH, true));
    }

    /**
     * A file name sent with the file (multipart, Content-Disposition), taken as tools send them: directories
     * and control characters dropped, NFC, cut on a grapheme boundary; null when nothing is left.
     */
    static String fromFileName(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder visible = new StringBuilder(raw.length());
        raw.codePoints().filter(cp -> !Parameters.isControl(cp)).forEach(visible::appendCodePoint);
        String name = withoutDirectories(TextForms.nfc(visible.toString()));
        return name == null ? null : TextForms.truncate(name, MAX_LENGTH);
    }

    /**
     * The file name of a Content-Disposition header ({@code filename}, or RFC 2231's encoded {@code
     * filename*}), read by jakarta.mail's parser; null when there is none or the header does not parse.
     */
    static String fromContentDisposition(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return fromFileName(new ContentDisposition(header).getParameter("filename"));
        } catch (ParseException e) {
            return null;
        }
    }

    /**
     * The names of an upload's files: {@code <uploadId>.txt} ({@code <uploadId>-<n>.txt} among several) for
     * one without, and a number for a name already taken in the upload, {@code bulletin (2).txt}.
     */
    static List<String> forUpload(String uploadId, List<String> given) {
        Set<String> taken = new HashSet<>();
        List<String> names = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            String name = given.get(i) != null ? given.get(i)
                    : uploadId + (given.size() > 1 ? "-" + (i + 1) : "") + ".txt";
            String unique = name;
            for (int n = 2; !taken.add(unique); n++) {
                unique = numbered(name, n);
            }
            names.add(unique);
        }
        return names;
    }

    private static String numbered(String name, int n) {
        int dot = name.lastIndexOf('.');
        boolean extension = dot > 0 && name.length() - dot <= MAX_EXTENSION;
        String suffix = " (" + n + ")" + (extension ? name.substring(dot) : "");
        String base = extension ? name.substring(0, dot) : name;
        return TextForms.truncate(base, MAX_LENGTH - suffix.length()) + suffix;
    }

    private static String withoutDirectories(String name) {
        if (name == null) {
            return null;
        }
        String file = DIRECTORIES.matcher(name).replaceFirst("").strip();
        return file.isEmpty() ? null : file;
    }
}
