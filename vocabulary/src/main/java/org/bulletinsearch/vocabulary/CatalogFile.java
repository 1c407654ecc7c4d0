package org.bulletinsearch.vocabulary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the line-oriented tables shipped next to this class: UTF-8, one entry a line, blank lines and
 * lines starting with "#" ignored, every line NFC-normalized and trimmed.
 */
final class CatalogFile {

    /**
     * A meaningful line.
     *
     * @param file   the resource name, for messages
     * @param number 1-based line number
     * @param text   the trimmed, NFC-normalized content
     */
    record Line(String file, int number, String text) {

        /** An exception naming this line, for a table that does not follow its format. */
        IllegalStateException error(String message) {
            return new IllegalStateException(file + ":" + number + ": " + message + ": " + text);
        }
    }

    private CatalogFile() {
    }

    /**
     * Reads a resource of this package.
     *
     * @param name file name, e.g. "countries.txt"
     * @return its meaningful lines in order
     * @throws UncheckedIOException if the resource is missing or unreadable (a broken jar)
     */
    static List<Line> read(String name) {
        try (InputStream in = CatalogFile.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("resource missing: " + name));
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Line> lines = new ArrayList<>();
            String raw;
            int number = 0;
            while ((raw = reader.readLine()) != null) {
                number++;
                String text = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
                if (!text.isEmpty() && !text.startsWith("#")) {
                    lines.add(new Line(name, number, text));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
